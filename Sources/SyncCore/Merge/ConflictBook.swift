/// The open conflicts a merge may add to, and the rule that keeps them one per kind and subject (DESIGN.md §4):
/// a finding opens a conflict when none of its kind and subject is open, and otherwise adds to the open one the
/// candidates it does not list yet, each once, in the order found.
public struct ConflictBook: Hashable, Sendable {
    /// A conflict's identity while it is open.
    public struct Key: Hashable, Sendable {
        public let kind: ConflictKind
        public let subject: String

        public init(kind: ConflictKind, subject: String) {
            self.kind = kind
            self.subject = subject
        }
    }

    /// The candidates' events of each open conflict, in position order.
    public private(set) var open: [Key: [String]]

    public init(open: [Key: [String]] = [:]) {
        self.open = open
    }

    /// What recording `finding` of a node's event changes: the conflict it opens (at `node`) or grows, with only the
    /// candidates that are new.
    public func change(for finding: ConflictFinding, node: String) -> ConflictChange {
        let key = Key(kind: finding.kind, subject: finding.subject)
        let listed = open[key]
        var seen = Set(listed ?? [])
        let added = finding.candidates.filter { seen.insert($0.eventId).inserted }
        return ConflictChange(finding: finding.with(candidates: added), node: node, opens: listed == nil,
                              firstPosition: listed?.count ?? 0)
    }

    /// Takes in a change: the conflict is open with its new candidates appended.
    public mutating func apply(_ change: ConflictChange) {
        let key = Key(kind: change.finding.kind, subject: change.finding.subject)
        open[key, default: []] += change.finding.candidates.map(\.eventId)
    }

    /// Records `finding`: the change it makes, taken in.
    public mutating func record(_ finding: ConflictFinding, node: String) -> ConflictChange {
        let change = change(for: finding, node: node)
        apply(change)
        return change
    }
}

/// One step of the admins' queue: open a conflict, or add candidates to the open one, and log it for the devices.
public struct ConflictChange: Hashable, Sendable {
    /// The finding with only the candidates to add (none when it lists nothing new: the conflict is logged again).
    public let finding: ConflictFinding
    /// The node of the event that found it; a conflict it opens is that node's admins'.
    public let node: String
    /// True when no conflict of the finding's kind and subject was open: this one opens it.
    public let opens: Bool
    /// The position of the first added candidate in the conflict's list.
    public let firstPosition: Int
}
