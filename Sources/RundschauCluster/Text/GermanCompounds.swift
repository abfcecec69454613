/// Head nouns of long German compounds, where indexing the head pays: `Bundesverteidigungsminister` also counts
/// as `Verteidigungsminister` and `Minister`, `Taurus-Abhörskandal` as `Skandal`.
enum GermanCompounds {
    /// Compounds shorter than this many letters are left whole.
    static let minimumLength = 10

    /// Common heads in news German (as words; matched by their stems at the end of a compound's stem).
    static let heads: [String] = """
        minister ministerin ministerium verteidigungsminister aussenminister innenminister finanzminister präsident
        präsidentin kanzler kanzlerin regierung partei wahl wahlen gesetz skandal affäre konferenz software angriff
        angriffe krieg streit gipfel abkommen vertrag soldat soldaten armee truppe truppen polizei gericht urteil
        prozess anklage haushalt steuer steuern bank konzern unternehmen streik flut hochwasser unwetter rakete
        raketen drohne drohnen flugzeug panzer waffe waffen schiff hafen flughafen bahn geisel geiseln anschlag
        attentat explosion brand feuer unfall demonstration protest proteste verhandlung verhandlungen plan paket
        reform debatte koalition opposition fraktion parlament mission einsatz spionage überwachung daten leck
        sanktion sanktionen grenze flüchtling flüchtlinge migration zoll zölle inflation zins zinsen preis preise
        energie gas strom klima spiel turnier finale meisterschaft trainer mannschaft verband behörde behörden
        dienst geheimdienst agentur abteilung amt minister sprecher sprecherin chef chefin offizier offiziere
        general kommandeur botschafter botschaft system systeme netz netzwerk konto daten programm stadion schule
        universität krankenhaus klinik virus impfung pandemie wirtschaft markt börse aktie aktien wohnung mieten
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Stems of `heads`, as scalar arrays, longest first.
    static let headStems: [[UInt32]] = {
        var seen = Set<[UInt32]>()
        var out: [[UInt32]] = []
        for head in heads {
            let s = GermanStemmer.stem(scalars: head.scalarValues)
            if s.count >= 3, seen.insert(s).inserted { out.append(s) }
        }
        return out.sorted { $0.count > $1.count }
    }()

    /// The longest listed head that ends `stem` and leaves at least four letters before it; nil when none.
    static func head(ofStem stem: [UInt32]) -> [UInt32]? {
        guard stem.count >= minimumLength - 2 else { return nil }
        for head in headStems where head.count + 4 <= stem.count {
            if stem[(stem.count - head.count)...].elementsEqual(head) { return head }
        }
        return nil
    }
}
