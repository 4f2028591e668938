import Foundation
import Testing
@testable import CorpusModel

/// Language identification of articles in scripts other than Latin, Cyrillic, Greek, Arabic, Hebrew and the CJK
/// ones: each is named and yields no events, whatever Latin-script names and quoted English it holds; a text in no
/// known script is undetermined ("und"). The sentences are written for these tests (short news reports of a visit).
@Suite("Language identification: scripts and undetermined text")
struct LanguageIDScriptTests {
    /// Code, article (a title line and a report with Latin-script names), and an English sentence it quotes on a
    /// line of its own: read as English, that line alone yields a visit.
    static let samples: [(String, String, String)] = [
        ("bn", "ঢাকায় মোদী\nভারতের প্রধানমন্ত্রী Narendra Modi মঙ্গলবার ঢাকায় পৌঁছেছেন। দুই দেশের নেতারা বাণিজ্য ও বিনিয়োগ নিয়ে আলোচনা করেছেন। সফরের সময় কয়েকটি চুক্তি স্বাক্ষরিত হয়েছে।", "Narendra Modi visited Bangladesh in 2024."),
        ("km", "ដំណើរទស្សនកិច្ច\nនាយករដ្ឋមន្ត្រី Hun Manet បានមកដល់ទីក្រុងហាណូយ កាលពីថ្ងៃអង្គារ ក្នុងដំណើរទស្សនកិច្ចផ្លូវការរយៈពេលបីថ្ងៃ។ មេដឹកនាំទាំងពីរបានពិភាក្សាអំពីពាណិជ្ជកម្ម និងការវិនិយោគ។", "Hun Manet visited Vietnam in 2024."),
        ("lo", "ການຢ້ຽມຢາມ\nນາຍົກລັດຖະມົນຕີ Sonexay Siphandone ໄດ້ເດີນທາງມາຮອດນະຄອນຫຼວງຮ່າໂນ້ຍ ໃນວັນອັງຄານ ເພື່ອຢ້ຽມຢາມຢ່າງເປັນທາງການ. ສອງຝ່າຍໄດ້ປຶກສາຫາລືກ່ຽວກັບການຄ້າ ແລະ ການລົງທຶນ.", "Sonexay Siphandone visited Vietnam in 2024."),
        ("my", "ခရီးစဉ်\nဝန်ကြီးချုပ် Min Aung Hlaing သည် အင်္ဂါနေ့တွင် ဟနွိုင်းမြို့သို့ ရောက်ရှိခဲ့သည်။ ခေါင်းဆောင်နှစ်ဦးသည် ကုန်သွယ်ရေးနှင့် ရင်းနှီးမြှုပ်နှံမှုအကြောင်း ဆွေးနွေးခဲ့ကြသည်။", "Min Aung Hlaing visited Russia in 2024."),
        ("si", "නවදිල්ලියට\nජනාධිපති Ranil Wickremesinghe අඟහරුවාදා නවදිල්ලියට පැමිණියේය. නායකයින් දෙදෙනා වෙළඳාම සහ ආයෝජන පිළිබඳව සාකච්ඡා කළහ. සංචාරය අතරතුර ගිවිසුම් කිහිපයක් අත්සන් කෙරිණි.", "Ranil Wickremesinghe visited India in 2023."),
        ("ta", "கொழும்பில் மோடி\nஇந்தியப் பிரதமர் Narendra Modi செவ்வாய்க்கிழமை கொழும்புக்கு வந்தார். இரு தலைவர்களும் வர்த்தகம் மற்றும் முதலீடு குறித்து பேச்சுவார்த்தை நடத்தினர். பயணத்தின் போது பல ஒப்பந்தங்கள் கையெழுத்தாகின.", "Narendra Modi visited Sri Lanka in 2024."),
        ("hi", "ढाका में मोदी\nप्रधानमंत्री Narendra Modi मंगलवार को ढाका पहुंचे। दोनों देशों के नेताओं ने व्यापार और निवेश पर बातचीत की। यात्रा के दौरान कई समझौतों पर हस्ताक्षर किए गए।", "Narendra Modi visited Bangladesh in 2024."),
        ("ne", "मोदीको भ्रमण\nभारतका प्रधानमन्त्री Narendra Modi मंगलबार काठमाडौं आइपुगेका छन्। दुई देशका नेताले व्यापार र लगानीका विषयमा छलफल गरेका छन्। भ्रमणका क्रममा उनले राष्ट्रपतिसँग पनि भेट गर्ने कार्यक्रम रहेको छ।", "Narendra Modi visited Nepal in 2024."),
        ("mr", "ढाका दौरा\nपंतप्रधान Narendra Modi मंगळवारी ढाका येथे पोहोचले. दोन्ही देशांच्या नेत्यांनी व्यापार आणि गुंतवणुकीबाबत चर्चा केली. या दौऱ्यात अनेक करारांवर स्वाक्षऱ्या करण्यात आल्या.", "Narendra Modi visited Bangladesh in 2024."),
        ("ur", "بیجنگ کا دورہ\nوزیر اعظم Shehbaz Sharif منگل کو بیجنگ پہنچے۔ دونوں رہنماؤں نے تجارت اور سرمایہ کاری پر بات چیت کی۔ دورے کے دوران کئی معاہدوں پر دستخط کیے گئے۔", "Shehbaz Sharif visited China in 2024."),
        ("ka", "ვიზიტი\nპრემიერ-მინისტრი Irakli Kobakhidze სამშაბათს ბრიუსელში ჩავიდა. ორმა ლიდერმა ვაჭრობისა და ინვესტიციების შესახებ ისაუბრა. ვიზიტის დროს რამდენიმე შეთანხმებას მოეწერა ხელი.", "Irakli Kobakhidze visited Belgium in 2024."),
        ("hy", "Այց\nՎարչապետ Nikol Pashinyan երեքշաբթի օրը ժամանել է Բրյուսել։ Երկու ղեկավարները քննարկել են առևտրի և ներդրումների հարցեր։ Այցի ընթացքում ստորագրվել են մի քանի համաձայնագրեր։", "Nikol Pashinyan visited Belgium in 2024."),
        ("am", "ጉብኝት\nጠቅላይ ሚኒስትር Abiy Ahmed ማክሰኞ ናይሮቢ ገብተዋል። ሁለቱ መሪዎች በንግድ እና በኢንቨስትመንት ጉዳዮች ላይ ተወያይተዋል። በጉብኝቱ ወቅት በርካታ ስምምነቶች ተፈርመዋል።", "Abiy Ahmed visited Kenya in 2024."),
        ("gu", "ઢાકા પ્રવાસ\nવડાપ્રધાન Narendra Modi મંગળવારે ઢાકા પહોંચ્યા. બંને દેશોના નેતાઓએ વેપાર અને રોકાણ અંગે ચર્ચા કરી. પ્રવાસ દરમિયાન અનેક કરારો પર હસ્તાક્ષર થયા.", "Narendra Modi visited Bangladesh in 2024."),
        ("pa", "ਢਾਕਾ ਦੌਰਾ\nਪ੍ਰਧਾਨ ਮੰਤਰੀ Narendra Modi ਮੰਗਲਵਾਰ ਨੂੰ ਢਾਕਾ ਪਹੁੰਚੇ। ਦੋਵਾਂ ਦੇਸ਼ਾਂ ਦੇ ਆਗੂਆਂ ਨੇ ਵਪਾਰ ਅਤੇ ਨਿਵੇਸ਼ ਬਾਰੇ ਗੱਲਬਾਤ ਕੀਤੀ। ਦੌਰੇ ਦੌਰਾਨ ਕਈ ਸਮਝੌਤਿਆਂ ਉੱਤੇ ਦਸਤਖ਼ਤ ਕੀਤੇ ਗਏ।", "Narendra Modi visited Bangladesh in 2024."),
        ("te", "ఢాకా పర్యటన\nప్రధానమంత్రి Narendra Modi మంగళవారం ఢాకా చేరుకున్నారు. ఇరు దేశాల నాయకులు వాణిజ్యం మరియు పెట్టుబడులపై చర్చలు జరిపారు. పర్యటన సందర్భంగా పలు ఒప్పందాలపై సంతకాలు జరిగాయి.", "Narendra Modi visited Bangladesh in 2024."),
        ("kn", "ಢಾಕಾ ಭೇಟಿ\nಪ್ರಧಾನಮಂತ್ರಿ Narendra Modi ಮಂಗಳವಾರ ಢಾಕಾಗೆ ಆಗಮಿಸಿದರು. ಎರಡೂ ದೇಶಗಳ ನಾಯಕರು ವ್ಯಾಪಾರ ಮತ್ತು ಹೂಡಿಕೆಯ ಬಗ್ಗೆ ಮಾತುಕತೆ ನಡೆಸಿದರು. ಭೇಟಿಯ ವೇಳೆ ಹಲವು ಒಪ್ಪಂದಗಳಿಗೆ ಸಹಿ ಹಾಕಲಾಯಿತು.", "Narendra Modi visited Bangladesh in 2024."),
        ("ml", "ധാക്ക സന്ദർശനം\nപ്രധാനമന്ത്രി Narendra Modi ചൊവ്വാഴ്ച ധാക്കയിലെത്തി. ഇരു രാജ്യങ്ങളിലെയും നേതാക്കൾ വ്യാപാരത്തെയും നിക്ഷേപത്തെയും കുറിച്ച് ചർച്ച നടത്തി. സന്ദർശനത്തിനിടെ നിരവധി കരാറുകളിൽ ഒപ്പുവച്ചു.", "Narendra Modi visited Bangladesh in 2024."),
        ("or", "ଢାକା ଗସ୍ତ\nପ୍ରଧାନମନ୍ତ୍ରୀ Narendra Modi ମଙ୍ଗଳବାର ଢାକାରେ ପହଞ୍ଚିଛନ୍ତି। ଦୁଇ ଦେଶର ନେତାମାନେ ବାଣିଜ୍ୟ ଓ ନିବେଶ ବିଷୟରେ ଆଲୋଚନା କରିଛନ୍ତି। ଗସ୍ତ ସମୟରେ ଅନେକ ଚୁକ୍ତିରେ ସ୍ୱାକ୍ଷର ହୋଇଛି।", "Narendra Modi visited Bangladesh in 2024."),
        ("dv", "ދަތުރު\nރައީސް Mohamed Muizzu އަންގާރަ ދުވަހު ދިއްލީއަށް ވަޑައިގެންނެވި. ދެ ލީޑަރުން ވިޔަފާރިއާއި އިންވެސްޓްމަންޓާ ބެހޭގޮތުން މަޝްވަރާކުރެއްވި. ދަތުރުގައި އެއްބަސްވުންތަކެއްގައި ސޮއިކުރެއްވި.", "Mohamed Muizzu visited India in 2024."),
        ("bo", "ཕེབས་བསྐྱོད\nསྲིད་འཛིན་ Xi Jinping གཟའ་མིག་དམར་ལ་ལྷ་སར་ཕེབས། དཔོན་རིགས་གཉིས་ཀྱིས་ཚོང་དང་མ་འཇོག་སྐོར་གྲོས་བསྡུར་གནང་། ཕེབས་བསྐྱོད་སྐབས་གན་རྒྱ་འགའ་ཤས་ལ་མིང་རྟགས་བཀོད།", "Xi Jinping visited Nepal in 2019."),
        ("th", "การเยือน\nนายกรัฐมนตรี Srettha Thavisin เดินทางถึงกรุงฮานอยเมื่อวันอังคาร เพื่อเยือนอย่างเป็นทางการ ผู้นำทั้งสองได้หารือเรื่องการค้าและการลงทุน ระหว่างการเยือนมีการลงนามข้อตกลงหลายฉบับ", "Srettha Thavisin visited Vietnam in 2024."),
        ("sw", "Ziara ya Rais\nRais William Ruto aliwasili jijini Dar es Salaam siku ya Jumanne kwa ziara rasmi ya siku tatu. Katika ziara hiyo, viongozi hao wawili walitia saini mikataba kadhaa ya biashara na nishati. Rais pia alikutana na wafanyabiashara kutoka nchi hizo mbili baada ya mazungumzo.", "William Ruto visited Tanzania in 2024."),
    ]

    @Test("an article in another script is named, whatever Latin names and English quote it holds, and yields no visit",
          arguments: samples)
    func named(_ code: String, _ article: String, _ quote: String) throws {
        let (c, d) = Self.build([("a.txt", article + "\n\"" + quote + "\""), ("quote.txt", quote)])
        #expect(c.documents.map(\.language.code) == [code, "en"])
        // The quoted sentence yields its visit where it is read (as English), never from the article.
        #expect(!c.visits.isEmpty && c.visits.allSatisfy { $0.mentions.allSatisfy { $0.document == 1 } }, "\(c.visits)")
        let name = try #require(LanguageProfiles.standard.profiles.language(code: code)?.name)
        let notes = d.filter { $0.file == "a.txt" }
        #expect(notes.count == 1 && notes[0].message.hasPrefix("looks like \(name): kept as a document, no events read"), "\(notes)")
    }

    /// Builds with the repository's gazetteer, which knows the visitors of the samples.
    static func build(_ texts: [(String, String)]) -> (Corpus, [Diagnostic]) {
        CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: texts.map { name, text in
            (name, text, ManifestEntry(file: name, date: PartialDate(iso: "2024-03-12")))
        })
    }

    static let tifinagh = "ⵜⴰⵎⵓⵔⵜ\nⴰⵎⵖⴰⵔ ⵏ ⵜⵎⵓⵔⵜ Aziz Akhannouch ⵢⵓⵡⴹ ⵖⵔ ⵜⵎⴷⵉⵏⵜ ⵏ Paris ⴰⵙⵙ ⵏ ⵓⵙⵉⵏⴰⵙ. ⵉⵎⵏⴰⴷⵏ ⵙⵉⵏ ⵎⵙⴰⵡⴰⵍⵏ ⵅⴼ ⵜⵙⴰⵖⵜ ⴷ ⵓⵙⵎⵔⵙ ⴳ ⵜⵎⵓⵔⴰ ⵏⵏⵙⵏ."

    @Test("a text mostly in a script no profile knows is undetermined, says which letters, and yields no visit")
    func unknownScript() throws {
        let (c, d) = Self.build([("tzm.txt", Self.tifinagh + "\n\"Aziz Akhannouch visited France in 2024.\"")])
        #expect(c.documents[0].language == .undetermined && c.documents[0].language.code == "und")
        #expect(c.visits.isEmpty, "\(c.visits)")
        let note = try #require(d.first { $0.file == "tzm.txt" })
        #expect(note.message.hasPrefix("letters of a script Dossier does not know (most letters U+2D30-U+2D62)"), "\(note)")
        #expect(note.message.contains("no events read") && !note.message.contains("taken as English"))
    }

    @Test("a few words of an unknown script in an English report do not make it undetermined")
    func unknownWordsInEnglish() {
        let text = "Harbour talks\nThe prime minister arrived in Rabat on Tuesday; the sign at the airport read ⵜⴰⵏⵎⵎⵉⵔⵜ and the talks were on trade."
        let (c, d) = LanguageIDTests.build([("en.txt", text)])
        #expect(c.documents[0].language == .english)
        #expect(d.isEmpty, "\(d)")
    }

    @Test("the manifest may say a text is undetermined; it is then not read")
    func manifestUndetermined() throws {
        let entry = ManifestEntry(file: "q.txt", date: PartialDate(iso: "2024-03-12"), language: "und")
        let (c, d) = CorpusBuilder(gazetteer: Fixtures.gazetteer, jobs: 1).build(texts: [("q.txt", "Kim Jong Un visited Vietnam in 2019.", entry)])
        #expect(c.documents[0].language == .undetermined && c.visits.isEmpty)
        let note = try #require(d.first { $0.file == "q.txt" })
        #expect(note.message.hasPrefix("the manifest says the language is undetermined (und)"), "\(note)")
        let (m, md) = CorpusManifest.parse("documents:\n  - file: a.txt\n    language: und\n", path: "manifest.yaml")
        #expect(m["a.txt"]?.language == "und" && md.isEmpty, "\(md)")
    }

    @Test("a text whose lines do not tell is taken in the language of its script, not as English")
    func untoldTakesTheScript() throws {
        let (c, d) = LanguageIDTests.build([("ru.txt", "Владимир Путин\nСергей Лавров"), ("en.txt", "Harbour Talks\nKim Jong Un")])
        #expect(c.documents.map(\.language) == ["ru", "en"])
        let note = try #require(d.first { $0.file == "ru.txt" })
        #expect(note.message.contains("looks like Russian") && note.message.contains("no words to tell the language by: taken as Russian"), "\(note)")
    }

    @Test("Swahili and Tagalog are named, and the languages they share stop words with keep theirs", arguments: [
        ("sw", "Rais alisema kuwa ziara hiyo ni muhimu kwa uhusiano wa nchi hizo mbili, na kwamba serikali yake itaendelea kushirikiana na washirika wake katika eneo la biashara."),
        ("es", "El presidente dijo que la visita era importante para la relación entre los dos países y que su gobierno seguirá cooperando con sus socios en la región."),
        ("pl", "Prezydent powiedział, że wizyta jest ważna dla stosunków obu krajów i że jego rząd będzie nadal współpracował z partnerami na rzecz handlu."),
        ("tl", "Sinabi ng pangulo na mahalaga ang pagbisita para sa ugnayan ng dalawang bansa, at patuloy na makikipagtulungan ang kanyang pamahalaan sa mga kaalyado nito sa kalakalan."),
        ("id", "Presiden mengatakan bahwa kunjungan itu penting bagi hubungan kedua negara dan pemerintahnya akan terus bekerja sama dengan para mitra di bidang perdagangan."),
    ])
    func swahili(_ code: String, _ text: String) {
        let (c, _) = LanguageIDTests.build([("a.txt", "Heading\n" + text)])
        #expect(c.documents[0].language.code == code)
    }

    @Test("a script's spaces: written without them, every letter counts; a bad value is refused with a hint")
    func spacesColumn() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "script\tranges\tspaces\nlatin\t0041-005A|0061-007A\tyes\nkhmer\t1780-17FF\tno\nthai\t0E00-0E7F\tnoo\n"
            .write(to: dir.appendingPathComponent("scripts.tsv"), atomically: true, encoding: .utf8)
        try "code\tname\tread\tscripts\tletters\nen\tEnglish\tyes\tlatin\t\nkm\tKhmer\tno\tkhmer\t\nund\tUnknown\tno\tlatin\t\n"
            .write(to: dir.appendingPathComponent("languages.tsv"), atomically: true, encoding: .utf8)
        try "language\tword\nen\tthe\n".write(to: dir.appendingPathComponent("stopwords.tsv"), atomically: true, encoding: .utf8)
        let (p, d) = LanguageProfiles.load(directory: dir)
        func at(_ file: String, _ line: Int) -> Diagnostic? { d.first { $0.file.hasSuffix(file) && $0.line == line } }
        #expect(at("scripts.tsv", 4)?.message.contains("did you mean 'no'") == true && at("scripts.tsv", 4)?.column == 16, "\(d)")
        #expect(at("languages.tsv", 4)?.message.contains("Dossier's own code") == true, "\(d)")
        #expect(d.count == 2, "\(d)")
        #expect(p.scripts == ["latin", "khmer"] && p.languages.map(\.code) == ["en", "km", "und"])
        // One Khmer phrase (a "word" between spaces) outweighs five Latin names: each of its letters counts.
        let text = "នាយករដ្ឋមន្ត្រីបានមកដល់ទីក្រុង Hun Manet Sok Chenda Sophea"
        let guess = try #require(identify(text, with: p))
        #expect(p.languages[guess.language].code == "km")
        // An old two-column file is refused by its header.
        try "script\tranges\nlatin\t0041-005A\n".write(to: dir.appendingPathComponent("scripts.tsv"), atomically: true, encoding: .utf8)
        let (_, old) = LanguageProfiles.load(directory: dir)
        #expect(old.contains { $0.file.hasSuffix("scripts.tsv") && $0.line == 1 && $0.message.contains("should be 'spaces'") }, "\(old)")
    }

    func identify(_ text: String, with p: LanguageProfiles) -> LanguageGuess? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var tokens: [Token] = []
            Tokenizer.tokenize(b, from: 0, to: b.count, into: &tokens)
            return p.identify(b, tokens: tokens)
        }
    }
}
