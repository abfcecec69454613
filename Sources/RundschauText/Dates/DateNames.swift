/// Month and weekday names the date reader knows, all lowercase.
///
/// Months: English and German in full and abbreviated (`Mär`, `Mrz`, `Okt`, `Dez`, Austrian `Jänner`), and the full
/// French, Spanish, Italian and Dutch names. Weekdays are only ever skipped, so the list is generous: English, German,
/// French, Spanish, Italian and Dutch, full and abbreviated.
enum DateNames {
    /// The month number (1–12) for a lowercase month name or abbreviation.
    static func month(_ word: String) -> Int? { months[word] }

    /// True when `word` (lowercase) names a weekday in one of the known languages.
    static func isWeekday(_ word: String) -> Bool { weekdays.contains(word) }

    private static let months: [String: Int] = {
        let lists: [[String]] = [
            ["jan", "january", "januar", "jänner", "jaenner", "janv", "janvier", "enero", "gennaio", "januari"],
            ["feb", "february", "februar", "feber", "févr", "fevr", "février", "fevrier", "febrero", "febbraio",
             "februari"],
            ["mar", "march", "mär", "maer", "mrz", "märz", "maerz", "mars", "marzo", "maart"],
            ["apr", "april", "avr", "avril", "abril", "aprile"],
            ["may", "mai", "mayo", "maggio", "mei"],
            ["jun", "june", "juni", "juin", "junio", "giugno"],
            ["jul", "july", "juli", "juil", "juillet", "julio", "luglio"],
            ["aug", "august", "août", "aout", "agosto", "augustus"],
            ["sep", "sept", "september", "septembre", "septiembre", "setiembre", "settembre"],
            ["oct", "october", "okt", "oktober", "octobre", "octubre", "ottobre"],
            ["nov", "november", "novembre", "noviembre"],
            ["dec", "december", "dez", "dezember", "déc", "décembre", "decembre", "diciembre", "dicembre"],
        ]
        var table: [String: Int] = [:]
        for (index, names) in lists.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        return table
    }()

    private static let weekdays: Set<String> = [
        // English
        "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        // German
        "mo", "di", "mi", "do", "fr", "sa", "so",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        // French
        "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        // Spanish
        "mié", "mie", "jue", "vie", "sáb", "sab", "dom",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
        // Italian
        "gio", "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi",
        "venerdì", "venerdi", "sabato", "domenica",
        // Dutch
        "ma", "wo", "vr", "za", "zo",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    ]
}
