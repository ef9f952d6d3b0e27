/// A batch as its events make it: the receipt as corrected, every event with its current values, the balance,
/// the status and the flags. Pure: the same events give the same state on every replica.
public struct BatchState: Hashable, Sendable {
    /// One event of the batch with corrections applied.
    public struct Line: Hashable, Sendable {
        public let event: RecordedEvent
        /// The body after every correction that targets it.
        public let current: EventBody
        /// How many corrections were applied to it.
        public let version: Int
        /// The voiding that cancelled it, if any.
        public let voidedBy: String?

        public var counts: Bool { voidedBy == nil }
    }

    public let code: TraceCode
    public let receiptEventId: String
    /// The receipt with corrections applied.
    public let receipt: Receipt
    /// Every event of the batch, in HLC order, the receipt first.
    public let lines: [Line]
    public let received: Quantity
    public let sold: Quantity
    public let disposed: Quantity
    public let status: BatchStatus
    public let flags: Set<BatchFlag>
    /// Every event that ever put the batch under a food-safety hold, in HLC order: a test that failed as recorded or
    /// as corrected, and a disposal of the whole balance. Voiding or correcting one does not take it off this list.
    public let holdCauses: [String]
    /// The hold causes no admin's release has lifted, in HLC order: while any remains and the batch is not disposed
    /// or voided, it is held (DESIGN.md §4).
    public let heldBy: [String]

    /// received − sold − disposed.
    public var balance: Quantity { received - sold - disposed }

    /// The line of an event, by id.
    public func line(_ eventId: String) -> Line? { lines.first { $0.event.id == eventId } }

    /// Derives the state of batch `code` from its events; nil when its receipt is not among them.
    public static func derive(code: TraceCode, events: [RecordedEvent]) -> BatchState? {
        let ordered = events.sorted { $0.hlc < $1.hlc }
        guard let receiptEvent = ordered.first(where: { $0.body.kind == .receipt }) else { return nil }

        var voidedBy: [String: String] = [:]
        for event in ordered {
            if case .voiding(let voiding) = event.body, voidedBy[voiding.target] == nil {
                voidedBy[voiding.target] = event.id
            }
        }
        var current: [String: EventBody] = [:]
        var versions: [String: Int] = [:]
        for event in ordered { current[event.id] = event.body }
        for event in ordered where voidedBy[event.id] == nil {
            guard case .correction(let correction) = event.body, let target = current[correction.target] else { continue }
            var body = target
            for field in correction.fields.keys.sorted() {
                body = (try? CorrectableFields.apply(field, correction.fields[field]!, to: body)) ?? body
            }
            current[correction.target] = body
            versions[correction.target, default: 0] += 1
        }

        let lines = ordered.map {
            Line(event: $0, current: current[$0.id]!, version: versions[$0.id] ?? 0, voidedBy: voidedBy[$0.id])
        }
        guard case .receipt(let receipt) = current[receiptEvent.id]! else { return nil }
        return summarize(code: code, receiptEventId: receiptEvent.id, receipt: receipt, lines: lines,
                         failedTests: failedTests(ordered))
    }

    /// The tests that failed as recorded, or that any correction (even a voided one) said failed: a device can
    /// take a failure back only by a re-test and an admin's release, never by voiding or correcting it.
    private static func failedTests(_ ordered: [RecordedEvent]) -> Set<String> {
        var failed: Set<String> = []
        for event in ordered {
            switch event.body {
            case .inspection(let inspection) where !inspection.passed: failed.insert(event.id)
            case .correction(let correction):
                if let result = correction.fields["result"], (try? InspectionResult.parse(result)) == false {
                    failed.insert(correction.target)
                }
            default: break
            }
        }
        return failed
    }

    private static func summarize(
        code: TraceCode, receiptEventId: String, receipt: Receipt, lines: [Line], failedTests: Set<String>
    ) -> BatchState {
        var sold = Quantity.zero, disposed = Quantity.zero
        var causes: [String] = [], holding: [String] = []
        var tradedWhileHeld = false
        for line in lines {
            let id = line.event.id
            switch (line.event.body, line.current) {
            case (.inspection, .inspection) where failedTests.contains(id):
                causes.append(id)
                holding.append(id)
            case (.disposal(let recorded), .disposal(let disposal)):
                // A disposal of the whole balance holds the batch, counted or not: voiding it or correcting its
                // quantity down brings back goods that were to be destroyed.
                if max(recorded.quantity, disposal.quantity) >= receipt.quantity - sold - disposed {
                    causes.append(id)
                    holding.append(id)
                }
                if line.counts { disposed = disposed + disposal.quantity }
            case (.sale, .sale(let sale)) where line.counts:
                if !holding.isEmpty { tradedWhileHeld = true }
                sold = sold + sale.quantity
            case (.release(let release), _) where line.counts:
                holding.removeAll { release.lifts.contains($0) }
            default: break
            }
        }
        let balance = receipt.quantity - sold - disposed
        let receiptVoided = lines.first { $0.event.id == receiptEventId }?.voidedBy != nil
        let status: BatchStatus =
            if receiptVoided { .voided }
            else if disposed > .zero && balance <= .zero { .disposed }
            else if !holding.isEmpty { .held }
            else if balance <= .zero { .closed }
            else { .open }
        var flags: Set<BatchFlag> = []
        if balance < .zero { flags.insert(.oversold) }
        if tradedWhileHeld { flags.insert(.tradedWhileHeld) }
        return BatchState(
            code: code, receiptEventId: receiptEventId, receipt: receipt, lines: lines,
            received: receipt.quantity, sold: sold, disposed: disposed, status: status, flags: flags,
            holdCauses: causes, heldBy: holding
        )
    }
}
