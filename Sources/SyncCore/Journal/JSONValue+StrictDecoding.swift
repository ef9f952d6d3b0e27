/// A member of a JSON object that the type decoded from it never asked for: misspelt, or unknown to this version.
public struct UnknownMemberError: Error, Hashable, Sendable {
    /// The member's path, e.g. `entries[0].signature`.
    public let path: String

    public init(path: String) { self.path = path }
}

extension JSONValue {
    /// Decodes a typed value as `decode(_:)` does, and refuses any member of an object the type read that the type
    /// did not ask for. Members held whole as a `JSONValue` (a journal entry's payload) are the type's own to check.
    /// - Throws: `DecodingError` as `decode(_:)`, else `UnknownMemberError` naming the first unknown member.
    public func decodeRefusingUnknownMembers<T: Decodable>(_ type: T.Type) throws -> T {
        let ledger = MemberLedger()
        let decoded = try JSONValueDecoder.decode(type, from: self, path: [], ledger: ledger)
        if let unknown = ledger.firstUnknownMember { throw UnknownMemberError(path: unknown) }
        return decoded
    }
}
