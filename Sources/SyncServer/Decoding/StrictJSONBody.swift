import SyncCore

/// A request body whose members are checked against the ones the server knows before it is decoded, so a
/// misspelt or unsupported field is refused by name instead of silently ignored.
protocol StrictJSONBody: Decodable {
    /// The members the body's top-level object may have.
    static var knownMembers: Set<String> { get }
    /// For members holding an array of objects: the members each element may have.
    static var knownElementMembers: [String: Set<String>] { get }
}

extension StrictJSONBody {
    static var knownElementMembers: [String: Set<String>] { [:] }

    /// The path of the first member, in document order of sorted keys, that the server does not know.
    static func unknownMember(in body: [String: JSONValue]) -> String? {
        if let member = body.keys.sorted().first(where: { !knownMembers.contains($0) }) { return member }
        for (member, known) in knownElementMembers.sorted(by: { $0.key < $1.key }) {
            guard case .array(let elements)? = body[member] else { continue }
            for (index, element) in elements.enumerated() {
                guard case .object(let members) = element else { continue }
                if let unknown = members.keys.sorted().first(where: { !known.contains($0) }) {
                    return "\(member)[\(index)].\(unknown)"
                }
            }
        }
        return nil
    }
}

extension EnrollRequest: StrictJSONBody {
    static var knownMembers: Set<String> { ["code", "deviceName", "deviceId", "deviceNumber"] }
}

extension PushRequest: StrictJSONBody {
    static var knownMembers: Set<String> { ["entries"] }
    static var knownElementMembers: [String: Set<String>] { ["entries": journalEntryMembers] }

    /// The envelope of a journal entry; its `payload` is checked by the merge rules for its event kind.
    static let journalEntryMembers: Set<String> = [
        "deviceId", "seq", "hlc", "wallTime", "author", "kind", "payload", "prev", "hash",
    ]
}

extension ResolveRequest: StrictJSONBody {
    static var knownMembers: Set<String> { ["action", "candidate", "value", "eventId", "note"] }
}
