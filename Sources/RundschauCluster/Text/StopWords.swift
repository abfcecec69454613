/// Stop words for German and English: the Snowball lists plus news function words (reporting verbs, weekdays,
/// months, small numbers) that say nothing about which story an article belongs to.
///
/// For indexing, not for telling languages apart: `LanguageDetector` in RundschauText has its own `FunctionWords`, shorter lists
/// of the most frequent function words of seven languages, weighted by how many languages share a word. Weekdays,
/// months and numbers belong here but would skew detection; these lists would miss French, Spanish, Italian,
/// Dutch and Portuguese there.
public enum StopWords {
    /// German stop words, lowercased.
    public static let german: Set<String> = Set(
        """
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern
        anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das daß dass derselbe derselben
        denselben desselben demselben dieselbe dieselben dasselbe dazu dein deine deinem deinen deiner deines denn
        derer dessen dich dir du dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer
        eines einig einige einigem einigen einiger einiges einmal er ihn ihm es etwas euer eure eurem euren eurer
        eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren
        ihrer ihres euch im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann
        kein keine keinem keinen keiner keines können könnte machen man manche manchem manchen mancher manches mein
        meine meinem meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine
        seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher solches soll sollte
        sondern sonst über um und uns unsere unserem unseren unser unseres unter viel vom von vor während war waren
        warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird
        wirst wo wollen wollte würde würden zu zum zur zwar zwischen
        sagte sagt sagten sagen erklärte erklärt betonte teilte mit hieß heißt laut zufolge demnach sei seien worden
        wurde wurden mehr bereits rund etwa seit ab immer schon gibt geben gab beim vergangenen vergangene jahr jahren
        prozent uhr heute gestern morgen neue neuen neuer neues erst ersten zwei drei vier fünf sechs sieben acht
        neun zehn montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag januar februar märz april mai
        juni juli august september oktober november dezember dabei dafür darauf daran darüber deshalb jedoch sowie
        bisher zudem allerdings wegen denen kam kommt kommen soll sollen müssen muss könne habe hätten hätte wäre
        ging geht gehen gut ganz wohl nun zuletzt angaben
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// English stop words, lowercased.
    public static let english: Set<String> = Set(
        """
        i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
        herself it its itself they them their theirs themselves what which who whom this that these those am is are
        was were be been being have has had having do does did doing would should could ought i'm you're he's she's
        it's we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll
        they'll isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't
        shouldn't can't cannot couldn't mustn't let's that's who's what's here's there's when's where's why's how's a
        an the and but if or because as until while of at by for with about against between into through during
        before after above below to from up down in out on off over under again further then once here there when
        where why how all any both each few more most other some such no nor not only own same so than too very will
        can just also said says say saying told tells according new one two three four five six seven eight nine ten
        year years percent monday tuesday wednesday thursday friday saturday sunday january february march april may
        june july august september october november december mr mrs ms last week weeks first since like however
        now many much still even well back us get got make made may might must since around per yet
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Both lists, for text whose language is unknown.
    public static let any: Set<String> = german.union(english)

    /// The list for a language code (`de`, `en-GB`, …); unknown languages get both lists.
    public static func list(for language: String?) -> Set<String> {
        switch LanguageGuess.base(language) {
        case "de": german
        case "en": english
        default: any
        }
    }
}
