import Foundation
import Testing
import SyncCore

@Suite("Industry profiles from JSON")
struct IndustryProfileDecodingTests {
    /// A seventh industry the code has never seen: rare-earth products (稀土产品, the seventh of 国办发〔2015〕95号),
    /// with node kinds of its own and only identifier and event kinds the code knows.
    static let rareEarth = """
    {
      "industry": "rare_earth",
      "name": {"zh": "稀土产品", "en": "rare-earth products"},
      "units": ["kg", "drum"],
      "nodeKinds": [
        {"kind": "mine", "zh": "矿山", "en": "mine"},
        {"kind": "smelter", "zh": "冶炼分离企业", "en": "smelter"},
        {"kind": "carrier", "zh": "承运单位", "en": "carrier"}
      ],
      "identifiers": [
        {"kind": "credit_code", "holder": "node", "required": true},
        {"kind": "hazardous_chemicals_licence", "holder": "node"}
      ],
      "events": [
        {"kind": "receipt", "records": ["carrier", "vehicle"]},
        {"kind": "sale", "requires": [{"identifier": "credit_code", "of": "buyer"}], "records": ["lot_number"]},
        {"kind": "packing"},
        {"kind": "voiding"}
      ]
    }
    """

    static func decode(_ json: String, file: String = "rare_earth.json") throws -> IndustryProfile {
        try IndustryProfile.decode(Data(json.utf8), file: file)
    }

    /// The refusal decoding `json` throws.
    static func refusal(_ json: String, file: String = "rare_earth.json") throws -> TraceSyncError {
        try #require(throws: TraceSyncError.self) { try decode(json, file: file) }
    }

    @Test func aSeventhIndustryLoadsFromItsFileWithoutCodeChanges() throws {
        let profile = try Self.decode(Self.rareEarth)
        #expect(profile.industry == Industry(rawValue: "rare_earth"))
        #expect(profile.name == LocalizedText(zh: "稀土产品", en: "rare-earth products"))
        #expect(profile.nodeKinds.map(\.kind) == ["mine", "smelter", "carrier"])
        #expect(profile.rule(for: .sale)?.requires == [Requirement(identifier: .creditCode, of: .buyer)])
        #expect(profile.rule(for: .receipt)?.records == [.carrier, .vehicle])
        #expect(try profile.validate(.creditCode, "91350100M000100Y43") == "91350100M000100Y43")
    }

    @Test func anUnknownIdentifierKindIsRefusedNamingTheFileAndMember() throws {
        let json = Self.rareEarth.replacingOccurrences(of: #""kind": "hazardous_chemicals_licence""#,
                                                       with: #""kind": "rare_earth_quota""#)
        let error = try Self.refusal(json)
        #expect(error.code == .badIndustryProfile)
        #expect(error.field == "identifiers[1].kind")
        for text in [error.message.zh, error.message.en] {
            #expect(text.contains("rare_earth.json") && text.contains("identifiers[1].kind") && text.contains("rare_earth_quota"))
        }
        #expect(error.message.en.contains("drug_trace_code"), "the message lists the known kinds")
    }

    @Test func anUnknownEventKindIsRefusedNamingTheFileAndMember() throws {
        let json = Self.rareEarth.replacingOccurrences(of: #"{"kind": "packing"}"#, with: #"{"kind": "smelting"}"#)
        let error = try Self.refusal(json)
        #expect(error.code == .badIndustryProfile)
        #expect(error.field == "events[2].kind")
        #expect(error.message.en.contains("rare_earth.json") && error.message.en.contains("\"smelting\" is not a known event kind"))
        #expect(error.message.zh.contains("不是已知的事件类型"))
    }

    @Test(arguments: [
        (#""of": "buyer""#, #""of": "broker""#, "events[1].requires[0].of"),
        (#""records": ["lot_number"]"#, #""records": ["colour"]"#, "events[1].records[0]"),
        (#""identifier": "credit_code", "of""#, #""identifier": "credit_code", "when": "sometimes", "of""#, "events[1].requires[0].when"),
        (#""holder": "node", "required": true"#, #""holder": "buyer", "required": true"#, "identifiers[0].holder"),
        (#""identifier": "credit_code""#, #""identifier": "un_number""#, "events[1].requires[0].identifier"),
        (#"{"kind": "voiding"}"#, #"{"kind": "packing"}"#, "events[3]"),
        (#"{"kind": "carrier", "zh""#, #"{"kind": "Carrier", "zh""#, "nodeKinds[2].kind"),
        (#""units": ["kg", "drum"],"#, "", "units"),
        (#""industry": "rare_earth""#, #""industry": "rare_earths""#, "industry"),
    ] as [(String, String, String)])
    func aBadMemberIsRefusedByItsPath(original: String, replacement: String, member: String) throws {
        #expect(Self.rareEarth.contains(original))
        let error = try Self.refusal(Self.rareEarth.replacingOccurrences(of: original, with: replacement))
        #expect(error.code == .badIndustryProfile)
        #expect(error.field == member)
        #expect(error.message.zh.contains("rare_earth.json") && error.message.en.contains(member))
    }

    @Test func aFileThatIsNotJSONIsRefusedNamingTheFile() throws {
        let error = try Self.refusal("{ not json", file: "broken.json")
        #expect(error.code == .badIndustryProfile)
        #expect(error.message.en.contains("broken.json"))
    }
}
