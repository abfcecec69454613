/// Canonical form of an article URL, so that the same article reached through different links compares equal.
///
/// - scheme and host lowercased, `http` read as `https`, a leading `www.` dropped;
/// - default ports (`:80`, `:443`), user info and fragments dropped;
/// - a trailing `index.html`/`index.htm`/`index.php` dropped, an empty path made `/`;
/// - tracking parameters dropped (`utm_*`, `fbclid`, `gclid`, `mc_cid`, …), the others sorted.
///
/// ```swift
/// URLCanonicalizer.canonical("HTTP://www.Example.org:80/news/index.html?utm_source=rss&b=2&a=1#top")
/// // "https://example.org/news/?a=1&b=2"
/// ```
public enum URLCanonicalizer {
    /// Query parameter names that only track the reader.
    public static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga",
        "_gl", "_hsenc", "_hsmi", "mkt_tok", "ocid", "icid", "cmpid", "xtor", "wt_mc", "wt.mc_id", "ref_src",
        "ref_url", "smid", "s_cid", "spm", "ns_campaign", "ns_mchannel", "ns_source", "ns_linkname", "ns_fee",
        "at_medium", "at_campaign", "at_source", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
        "soc_src", "soc_trk", "oly_enc_id", "oly_anon_id", "vero_id", "campaign_id",
    ]

    /// The canonical form of `url`; nil when it is empty or has no host.
    public static func canonical(_ url: String) -> String? {
        var rest = Substring(url.trimmingWhitespace)
        guard !rest.isEmpty else { return nil }
        // Fragment.
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        // Scheme.
        var scheme = "https"
        if let colon = rest.range(of: "://") {
            let s = rest[..<colon.lowerBound].lowercased()
            scheme = (s == "http" || s == "https") ? "https" : s
            rest = rest[colon.upperBound...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        }
        // Authority.
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        rest = rest[authorityEnd...]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority.lowercased()
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") {
            let port = host[host.index(after: colon)...]
            if port.isEmpty || port == "80" || port == "443" { host = String(host[..<colon]) }
        }
        if host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        guard !host.isEmpty else { return nil }
        // Path and query.
        var path: Substring
        var query: Substring = ""
        if let q = rest.firstIndex(of: "?") {
            path = rest[..<q]
            query = rest[rest.index(after: q)...]
        } else {
            path = rest
        }
        for index in ["index.html", "index.htm", "index.php", "index.shtml"] where path.hasSuffix("/" + index) {
            path = path.dropLast(index.count)
            break
        }
        if path.isEmpty { path = "/" }
        var out = scheme + "://" + host + path
        let kept = query.split(separator: "&").filter { parameter in
            let name = (parameter.split(separator: "=", maxSplits: 1).first ?? parameter).lowercased()
            return !name.isEmpty && !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }.sorted()
        if !kept.isEmpty { out += "?" + kept.joined(separator: "&") }
        return out
    }

    /// The path segments of an absolute URL, without query and fragment (`https://x.org/a/b?q` → `a`, `b`);
    /// empty when the text has no `scheme://`. Topics read the section path from them, stories the slug.
    static func pathSegments(of url: String) -> [Substring] {
        guard let schemeEnd = url.range(of: "://") else { return [] }
        let afterHost = url[schemeEnd.upperBound...].drop { $0 != "/" }
        return afterHost.prefix { $0 != "?" && $0 != "#" }.split(separator: "/")
    }
}

extension String {
    var trimmingWhitespace: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }

}
