/// The most frequent function words of each supported language (lowercase, as they appear in news text).
///
/// A word in several lists (`de`, `la`, `in`, `die`) counts for each of them with weight 1/(number of lists), so that
/// words unique to one language carry the most evidence.
///
/// Evidence for `LanguageDetector`, not stop words for indexing: the clusterer (RundschauCluster's `StopWords`)
/// removes far more words (reporting verbs, weekdays, months, numbers) for German and English. Two views of
/// "common words", so two types.
enum FunctionWords {
    static let lists: [String: Set<String>] = [
        "de": words("""
            der die das den dem des ein eine einer eines einem einen und oder aber nicht ist sind war waren wird \
            werden wurde wurden hat haben hatte hatten sein auch auf aus bei mit nach von vor zu zum zur für über \
            unter um im ins am an als wie wenn dass daß sich sie er es wir ihr ich du man noch nur schon sehr mehr \
            bis durch gegen ohne seit soll sollen kann können muss müssen will wollen diese dieser dieses diesem \
            diesen jetzt dann doch denn weil ob hier dort immer wieder kein keine keinen sei seien habe laut sowie \
            bereits zwischen was warum
            """),
        "en": words("""
            the a an and or but not is are was were be been being has have had do does did will would shall should \
            can could may might must of to in on at by for with from about as into over after before than that this \
            these those it its he she they we you his her their our your them him who which what when where why how \
            there here no so if also just only more most said says
            """),
        "fr": words("""
            le la les un une des du de et ou mais est sont était été être ont avait avec pour par sur dans en au aux \
            ce cette ces qui que quoi dont où il elle ils elles nous vous je tu on ne pas plus se sa son ses leur \
            leurs lui aussi comme très selon après avant entre sans sous depuis l d qu
            """),
        "es": words("""
            el la los las un una unos unas y o pero es son era fue ser está están ha han había con para por en de \
            del al que qué como cuando donde se su sus lo le les no más muy también entre sin sobre desde hasta \
            según este esta estos estas ese esa ya hay fueron sido a
            """),
        "it": words("""
            il lo la i gli le un una uno e o ma è sono era erano stato essere ha hanno aveva con per da di del della \
            dei delle degli al alla nel nella sul sulla in che chi come quando dove non più si suo sua suoi anche \
            molto tra fra dopo senza questo questa questi quello ci ne l dell all
            """),
        "nl": words("""
            de het een en of maar is zijn was waren wordt worden werd werden heeft hebben had met voor door op aan \
            in uit van bij naar over onder dat die dit deze wat wie waar niet geen ook nog al er hij zij ze wij we \
            ik je u hun zich om te tot als dan meer zo zal kan moet
            """),
        "pt": words("""
            o a os as um uma uns umas e ou mas é são era foi ser está estão tem têm com para por em de do da dos das \
            no na nos nas ao aos que como quando onde se seu sua seus suas não mais muito também entre sem sobre até \
            segundo este esta isso já há foram
            """),
    ]

    /// For each stop word, 1 / the number of lists it is in.
    static let weights: [String: Double] = {
        var counts: [String: Int] = [:]
        for list in lists.values {
            for word in list { counts[word, default: 0] += 1 }
        }
        return counts.mapValues { 1.0 / Double($0) }
    }()

    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }
}
