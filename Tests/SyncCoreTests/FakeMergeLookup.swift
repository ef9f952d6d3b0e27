@testable import SyncCore
import TestSupport

/// A `MergeInputs` builder: master data set up by the test, then each pushed entry decided on the inputs and taken
/// into them (`MergeInputs.take(_:)`), as a push does between two of its entries. No database: the rules are values
/// in, values out.
struct MergeInputsBuilder {
    private(set) var inputs = MergeInputs(products: ["200101", "100101"], regions: ["460106", "469023"])
    /// Every merged event, in arrival order.
    private(set) var events: [RecordedEvent] = []
    /// Who recorded each merged event, to resolve the rules' candidates.
    private(set) var origins: [String: EventOrigin] = [:]

    /// Master data with the operators of `MergeSamples`, as an admin adds them (no registering event).
    static func market() -> MergeInputsBuilder {
        var builder = MergeInputsBuilder()
        builder.addOperator(MergeSamples.zhang, node: MergeSamples.node)
        builder.addOperator(MergeSamples.qiongbei, node: MergeSamples.node)
        builder.addOperator(MergeSamples.fuji, node: MergeSamples.otherNode)
        return builder
    }

    /// An operator an admin added, with no registering event.
    mutating func addOperator(_ id: String, node: String, creditCode: String? = nil) {
        inputs.operators[id] = MergeInputs.OperatorFacts(node: node, creditCode: creditCode, eventId: nil, canonicalId: nil)
        if let creditCode {
            inputs.creditHolders[MergeInputs.CreditKey(node: node, creditCode: creditCode), default: []].append(id)
        }
    }

    /// Decides `entry` from a device of `node` and takes the decision in, as a push does; returns the decision.
    mutating func push(
        _ entry: JournalEntry, node: String = MergeSamples.node,
        context: MergeContext = MergeContext(receivedAt: MergeSamples.receivedAt)
    ) throws -> EntryDecision {
        let decision = MergeRules.decide(entry: entry, deviceNode: node, context: context, inputs: inputs)
        inputs.take(decision)
        if let event = decision.event {
            events.append(event)
            origins[event.id] = EventOrigin(entry)
        }
        return decision
    }

    /// The state of batch `code` as the inputs hold it.
    func state(_ code: TraceCode) throws -> BatchState? { inputs.batches[code] }

    /// The merged events of batch `code`, oldest HLC first.
    func batchEvents(_ code: TraceCode) throws -> [RecordedEvent] {
        events.filter { $0.body.batchCode == code }.sorted { $0.hlc < $1.hlc }
    }

    func codeExists(_ code: TraceCode) throws -> Bool { inputs.takenCodes.contains(code) }

    func operatorNode(_ id: String) throws -> String? { inputs.operators[id]?.node }

    /// A finding's candidates with who recorded each, as the store writes them.
    func candidates(_ finding: ConflictFinding) -> [ConflictCandidate] {
        finding.candidates.compactMap { ref in origins[ref.eventId].map { ConflictCandidate(ref, origin: $0) } }
    }
}
