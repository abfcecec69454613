import Foundation
import Testing

@testable import RundschauText

/// Headlines and teasers whose language must be detected exactly.
private let clearTexts: [(String, String)] = [
    ("Mann bei Messerangriff in Mannheim schwer verletzt", "de"),
    ("Neue Studie: Jugendliche schlafen zu wenig", "de"),
    ("Regierung einigt sich auf Haushalt", "de"),
    ("Polizei sucht Zeugen nach Unfall auf der A7", "de"),
    ("Warum die Mieten in Großstädten weiter steigen", "de"),
    ("Tarifeinigung bei der Lufthansa: Piloten bekommen mehr Geld", "de"),
    ("Die Opposition wirft der Regierung Versagen vor.", "de"),
    ("Nach dem Unwetter beginnen in vielen Orten die Aufräumarbeiten.", "de"),
    ("Ukraine meldet Erfolge bei Gegenoffensive", "de"),
    ("Merz fordert schärfere Regeln für Migration", "de"),
    ("Vier israelische Soldaten bei Explosion getötet", "de"),
    ("Gantz und Eizenkot verlassen Regierung", "de"),
    ("Für die Schwester kämpfen", "de"),
    ("UN-Sicherheitsrat unterstützt Plan für Waffenruhe", "de"),
    ("Soziologe Sznaider: Empathie mit Gegenseite im Krieg unmöglich", "de"),
    ("Wie die USA und Großbritannien Israel bei der Suche nach den Geiseln geholfen haben", "de"),
    ("Die Lage am Dienstagmorgen – und ein Ausblick auf den Tag", "de"),
    ("Sieben Soldaten wurden verletzt, einige davon schwer", "de"),
    ("Eden Yerushalmi ist seit 247 Tagen Geisel der Hamas", "de"),
    ("Bundesregierung plant Entlastungen für Pendler", "de"),
    ("Der Bundestag hat am Donnerstag das neue Heizungsgesetz beschlossen.", "de"),
    ("Bahnstreik: Was Fahrgäste jetzt wissen müssen", "de"),
    ("Hochwasser in Bayern: Pegel steigen weiter", "de"),
    ("Israels Verteidigungsminister zu NSO-Skandal", "de"),
    ("Vater einer israelischen Geisel stirbt nur Stunden vor deren Befreiung", "de"),
    ("Er sei an der Aufgabe seines Lebens gescheitert, schreibt Brigadegeneral Rosenfeld", "de"),
    ("Premierminister Netanjahu verhindere einen »wahren Sieg«, betont Gantz - und ruft zu Neuwahlen auf", "de"),
    ("Avi Kalo, Experte für Terrorismusbekämpfung, erklärt, warum nicht alle Geiseln in Missionen gerettet werden können", "de"),
    ("Inflation sinkt im Mai auf 2,4 Prozent", "de"),
    ("Man seriously injured in knife attack", "en"),
    ("Government agrees on budget", "en"),
    ("Police appeal for witnesses after crash on M25", "en"),
    ("Why rents keep rising in big cities", "en"),
    ("Pilots win pay rise in deal with airline", "en"),
    ("The opposition accused the government of failure.", "en"),
    ("Clean-up begins after storms hit towns across the region", "en"),
    ("Ukraine reports gains in counteroffensive", "en"),
    ("Shares in chipmaker surge after record earnings", "en"),
    ("Four Israeli soldiers killed in Gaza explosion", "en"),
    ("UN Security Council backs plan for ceasefire", "en"),
    ("Stocks rally as inflation cools", "en"),
    ("The government announced new measures on Tuesday to curb rising energy prices.", "en"),
    ("What we know about the attack so far", "en"),
    ("Apple unveils new AI features at developer conference", "en"),
    ("Heatwave grips southern Europe as temperatures soar", "en"),
    ("Biden and Trump clash over economy in first debate", "en"),
    ("How the US and Britain helped Israel find the hostages", "en"),
    ("Scientists discover new species of frog in the Amazon", "en"),
    ("Man charged with murder after stabbing in London", "en"),
    ("Election results: Labour wins landslide victory", "en"),
    ("Police are investigating the incident, a spokesperson said.", "en"),
    ("Why interest rates are unlikely to fall soon", "en"),
    ("Le président de la République a annoncé la dissolution de l'Assemblée nationale.", "fr"),
    ("Quatre soldats israéliens tués dans une explosion à Gaza", "fr"),
    ("Les prix de l'énergie continuent de baisser en France", "fr"),
    ("Élections européennes : le Rassemblement national en tête", "fr"),
    ("La grève des contrôleurs aériens perturbe les vols ce week-end", "fr"),
    ("Ce que l'on sait de l'attaque au couteau à Paris", "fr"),
    ("Le gouvernement veut réformer l'assurance chômage", "fr"),
    ("El presidente del Gobierno anunció nuevas medidas contra la inflación.", "es"),
    ("Cuatro soldados israelíes mueren en una explosión en Gaza", "es"),
    ("La ola de calor dispara las temperaturas en el sur de España", "es"),
    ("El Real Madrid gana la Liga de Campeones por decimoquinta vez", "es"),
    ("Los precios de la vivienda siguen subiendo en las grandes ciudades", "es"),
    ("Qué sabemos del ataque en el centro de Madrid", "es"),
    ("Il governo ha approvato la nuova legge di bilancio per il prossimo anno.", "it"),
    ("Quattro soldati israeliani uccisi in un'esplosione a Gaza", "it"),
    ("Ondata di caldo in tutta Italia, temperature fino a 40 gradi", "it"),
    ("La Juventus vince la Coppa Italia contro l'Atalanta", "it"),
    ("Cosa sappiamo dell'attacco al centro di Roma", "it"),
    ("Il prezzo della benzina torna a salire", "it"),
    ("De regering heeft dinsdag nieuwe maatregelen aangekondigd tegen de stijgende energieprijzen.", "nl"),
    ("Vier Israëlische soldaten gedood bij explosie in Gaza", "nl"),
    ("Hittegolf in Zuid-Europa: temperaturen stijgen tot boven de 40 graden", "nl"),
    ("Wat we weten over de aanval in Amsterdam", "nl"),
    ("Het kabinet wil de huren in de vrije sector bevriezen", "nl"),
    ("Ajax verliest opnieuw van Feyenoord", "nl"),
    ("O governo anunciou novas medidas para combater a inflação.", "pt"),
    ("Quatro soldados israelenses morrem em explosão em Gaza", "pt"),
    ("Onda de calor atinge o sul da Europa com temperaturas recordes", "pt"),
]

/// Short texts without function words: the detector may decline, but must never name a wrong language.
private let hardTexts: [(String, String)] = [
    ("Kanzler Scholz trifft Macron in Paris", "de"),
    ("New study finds teenagers sleep too little", "en"),
    ("Netanyahu dissolves war cabinet after Gantz exit", "en"),
    ("O que se sabe sobre o ataque no centro de Lisboa", "pt"),
]

/// Names, fragments and texts in unsupported languages: no answer.
private let undetectable: [String] = [
    "Rząd ogłosił we wtorek nowe środki przeciwko rosnącym cenom energii.",
    "Regeringen meddelade på tisdagen nya åtgärder mot stigande energipriser.",
    "Regeringen annoncerede tirsdag nye tiltag mod stigende energipriser.",
    "Hükümet salı günü yükselen enerji fiyatlarına karşı yeni önlemler açıkladı.",
    "Pemerintah mengumumkan langkah-langkah baru pada hari Selasa.",
    "Hallituksen mukaan energian hinnat nousevat edelleen.",
    "Ok",
    "Hallo",
    "NSO",
    "Benny Gantz",
    "iPhone 15 Pro Max",
    "12345 67890",
    "",
    "Emmanuel Macron",
    "Taurus",
]

/// Written after the thresholds were tuned, to check they carry over.
private let heldOutTexts: [(String, String)] = [
    ("Die Bundesbank rechnet für das kommende Jahr mit einem leichten Wachstum der Wirtschaft.", "de"),
    ("Feuerwehr rettet Katze aus Baum", "de"),
    ("Nach Angaben der Polizei wurde niemand verletzt.", "de"),
    ("Wetter am Wochenende: Sonne satt im Süden", "de"),
    ("Streit um Rentenreform spitzt sich zu", "de"),
    ("Schüler in Berlin protestieren gegen Kürzungen", "de"),
    ("Minister kündigt Reform der Schuldenbremse an", "de"),
    ("The central bank expects the economy to grow slightly next year.", "en"),
    ("Firefighters rescue cat from tree", "en"),
    ("According to police, nobody was injured.", "en"),
    ("Weekend weather: sunshine for the south", "en"),
    ("Row over pension reform escalates", "en"),
    ("Students in Berlin protest against cuts", "en"),
    ("Minister announces reform of the debt brake", "en"),
    ("La banque centrale prévoit une légère croissance de l'économie l'année prochaine.", "fr"),
    ("El banco central prevé un ligero crecimiento de la economía el próximo año.", "es"),
    ("La banca centrale prevede una leggera crescita dell'economia il prossimo anno.", "it"),
    ("De centrale bank verwacht volgend jaar een lichte groei van de economie.", "nl"),
    ("O banco central prevê um ligeiro crescimento da economia no próximo ano.", "pt"),
]

@Suite("LanguageDetector")
struct LanguageDetectorTests {
    @Test("Clear headlines and teasers", arguments: clearTexts)
    func detectsClearTexts(_ text: String, _ language: String) {
        #expect(LanguageDetector.detect(text) == language)
    }

    @Test("Held-out texts", arguments: heldOutTexts)
    func detectsHeldOutTexts(_ text: String, _ language: String) {
        #expect(LanguageDetector.detect(text) == language)
    }

    @Test("Hard texts are never misdetected", arguments: hardTexts)
    func hardTextsAreNeverWrong(_ text: String, _ language: String) {
        let detected = LanguageDetector.detect(text)
        #expect(detected == nil || detected == language)
    }

    @Test("Names, fragments and other languages give nil", arguments: undetectable)
    func undetectableGivesNil(_ text: String) {
        #expect(LanguageDetector.detect(text) == nil)
    }

    @Test func germanSeedsAreGerman() throws {
        for file in ["seeds/000_72ee1e58c8808877.txt", "seeds/001_78505ae9019cee0c.txt"] {
            let text = try packageFile(file)
            #expect(LanguageDetector.detect(text) == "de", "\(file)")
        }
    }

    @Test func seedTeaserBlocksAreGerman() throws {
        let text = try packageFile("seeds/001_78505ae9019cee0c.txt")
        // Each teaser: kicker, title, teaser line, date line, separated by blank lines.
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let teasers = lines.filter { $0.split(separator: " ").count >= 4 && FeedDate.findDate(in: $0) == nil }
        #expect(teasers.count > 15)
        for line in teasers {
            let detected = LanguageDetector.detect(line)
            #expect(detected == "de" || detected == nil, "\(line)")
        }
        let detectedCount = teasers.filter { LanguageDetector.detect($0) == "de" }.count
        #expect(detectedCount * 10 >= teasers.count * 9)
    }

    @Test func candidatesRestrictTheAnswer() {
        let french = "Le gouvernement veut réformer l'assurance chômage"
        #expect(LanguageDetector.detect(french, candidates: ["fr", "en"]) == "fr")
        #expect(LanguageDetector.detect(french, candidates: ["de", "en"]) != "fr")
        #expect(LanguageDetector.detect(french, candidates: ["xx"]) == nil)
        #expect(LanguageDetector.detect(french, candidates: []) == nil)
        #expect(LanguageDetector.detect("Gantz und Eizenkot verlassen Regierung", candidates: ["de"]) == "de")
        #expect(LanguageDetector.supportedLanguages == ["de", "en", "fr", "es", "it", "nl", "pt"])
    }

    @Test func mixedCaseAndPunctuationDoNotMatter() {
        #expect(LanguageDetector.detect("DER BUNDESTAG HAT DAS GESETZ BESCHLOSSEN") == "de")
        #expect(LanguageDetector.detect("»Am 7. Oktober gescheitert«: Kommandeur erklärt Rücktritt") == "de")
    }
}
