@testable import SyncCore
import TestSupport

/// An in-memory `MergeLookup`: master data set up by the test, and what `merge(_:_:)` took from applied entries,
/// the way `CentralStore.store` keeps it (events, trace codes, certificates, operators with their aliases).
struct FakeMergeLookup: MergeLookup {
    struct RegisteredOperator {
        let id: String
        let node: String
        let creditCode: String?
        let eventId: String?
        /// The operator this one is an alias of.
        let canonicalId: String?
    }

    var products: Set<String> = ["200101", "100101"]
    var regions: Set<String> = ["460106", "469023"]
    /// In registration order, as the store's `ORDER BY rowid`.
    private(set) var operators: [RegisteredOperator] = []
    private(set) var events: [RecordedEvent] = []
    private(set) var entries: [String: JournalEntry] = [:]
    private(set) var codes: Set<TraceCode> = []
    private(set) var certificates: [(certificate: String, eventId: String, operatorId: String)] = []

    /// Master data with the operators of `MergeSamples`, as an admin adds them (no registering event).
    static func market() -> FakeMergeLookup {
        var lookup = FakeMergeLookup()
        lookup.addOperator(MergeSamples.zhang, node: MergeSamples.node)
        lookup.addOperator(MergeSamples.qiongbei, node: MergeSamples.node)
        lookup.addOperator(MergeSamples.fuji, node: MergeSamples.otherNode)
        return lookup
    }

    mutating func addOperator(_ id: String, node: String, creditCode: String? = nil) {
        operators.append(RegisteredOperator(id: id, node: node, creditCode: creditCode, eventId: nil, canonicalId: nil))
    }

    /// Keeps what an applied entry adds to the store; a rejected entry adds nothing.
    mutating func merge(_ entry: JournalEntry, _ decision: EntryDecision) {
        guard let event = decision.event else { return }
        events.append(event)
        entries[event.id] = entry
        switch event.body {
        case .receipt(let receipt):
            codes.insert(receipt.batchCode)
            if let certificate = receipt.quarantineCert {
                certificates.append((certificate, event.id, receipt.operatorId))
            }
        case .sale(let sale):
            codes.insert(sale.childCode)
        case .operatorRegistration(let registered):
            operators.removeAll { $0.id == registered.id }
            operators.append(RegisteredOperator(id: registered.id, node: registered.node,
                                                creditCode: registered.creditCode, eventId: event.id,
                                                canonicalId: decision.aliasOf))
        default:
            break
        }
    }

    /// Decides `entry` from a device of `node` and merges it, as a push does; returns the decision.
    mutating func push(
        _ entry: JournalEntry, node: String = MergeSamples.node,
        context: MergeContext = MergeContext(receivedAt: MergeSamples.receivedAt)
    ) throws -> EntryDecision {
        let decision = try MergeRules.decide(entry: entry, deviceNode: node, context: context, lookup: self)
        merge(entry, decision)
        return decision
    }

    /// The state of batch `code` from the merged events.
    func state(_ code: TraceCode) throws -> BatchState? {
        BatchState.derive(code: code, events: try batchEvents(code))
    }

    // MARK: MergeLookup

    func productExists(_ code: String) throws -> Bool { products.contains(code) }

    func regionExists(_ code: String) throws -> Bool { regions.contains(code) }

    func operatorNode(_ id: String) throws -> String? { operators.first { $0.id == id }?.node }

    func operatorWithCreditCode(_ creditCode: String, node: String) throws -> (id: String, eventId: String?)? {
        operators.first { $0.node == node && $0.creditCode == creditCode && $0.canonicalId == nil }
            .map { ($0.id, $0.eventId) }
    }

    func batchEvents(_ code: TraceCode) throws -> [RecordedEvent] {
        events.filter { $0.body.batchCode == code }.sorted { $0.hlc < $1.hlc }
    }

    func codeExists(_ code: TraceCode) throws -> Bool { codes.contains(code) }

    func certificateHolders(_ certificate: String) throws -> [(eventId: String, operatorId: String)] {
        certificates.filter { $0.certificate == certificate }.map { ($0.eventId, $0.operatorId) }
    }

    func candidate(eventId: String, value: String) throws -> ConflictCandidate? {
        guard let entry = entries[eventId] else { return nil }
        return ConflictCandidate(deviceId: entry.deviceId, seq: entry.seq, eventId: eventId, author: entry.author,
                                 hlc: entry.hlc, deviceTime: entry.wallTime, value: value)
    }
}
