/// The JSON shape of a profile file, every kind still a string: ``IndustryProfile/decode(_:file:)`` checks each
/// against the kinds the code knows, so that a mistyped kind is refused by name instead of failing to decode.
struct IndustryProfileFile: Decodable {
    struct Text: Decodable {
        let zh: String
        let en: String
    }

    struct NodeKind: Decodable {
        let kind: String
        let zh: String
        let en: String
    }

    struct Identifier: Decodable {
        let kind: String
        let holder: String
        let required: Bool?
    }

    struct Event: Decodable {
        let kind: String
        let requires: [Requirement]?
        let records: [String]?
    }

    struct Requirement: Decodable {
        let identifier: String
        let of: String
        let when: String?
    }

    let industry: String
    let name: Text
    let units: [String]
    let nodeKinds: [NodeKind]
    let identifiers: [Identifier]
    let events: [Event]
}
