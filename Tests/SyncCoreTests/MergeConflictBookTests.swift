import Testing
@testable import SyncCore
import TestSupport

/// The admins' queue as values: one open conflict per kind and subject, each candidate once, in the order found;
/// orphans flagged once past their timeout. No database.
@Suite("Merge rules: conflict book and orphan timeout")
struct MergeConflictBookTests {
    static func finding(_ events: String..., kind: ConflictKind = .oversold, subject: String = "oversold:1") -> ConflictFinding {
        ConflictFinding(kind: kind, subject: subject, batchCode: "1", target: nil, field: nil,
                        candidates: events.map { CandidateRef(eventId: $0, value: "v-\($0)") })
    }

    @Test func aFindingOpensAConflictThenGrowsItWithOnlyItsNewCandidatesInOrder() {
        var book = ConflictBook()
        let opened = book.record(Self.finding("s-a", "s-b"), node: "46010001")
        #expect(opened.opens)
        #expect(opened.firstPosition == 0)
        #expect(opened.finding.candidates.map(\.eventId) == ["s-a", "s-b"])

        let grown = book.record(Self.finding("s-b", "s-a", "s-c", "s-c"), node: "46010001")
        #expect(!grown.opens)
        #expect(grown.firstPosition == 2)
        #expect(grown.finding.candidates.map(\.eventId) == ["s-c"])
        #expect(book.open[ConflictBook.Key(kind: .oversold, subject: "oversold:1")] == ["s-a", "s-b", "s-c"])
    }

    @Test func anotherKindOrSubjectIsAnotherConflict() {
        var book = ConflictBook(open: [ConflictBook.Key(kind: .oversold, subject: "oversold:1"): ["s-a"]])
        #expect(book.record(Self.finding("s-a", kind: .heldTraded, subject: "oversold:1"), node: "n").opens)
        #expect(book.record(Self.finding("s-a", subject: "oversold:2"), node: "n").opens)
        let again = book.record(Self.finding("s-a"), node: "n")
        #expect(!again.opens)
        #expect(again.finding.candidates.isEmpty)
    }

    @Test func orphansPastTheTimeoutAreFlaggedOnceAsOneConflictPerBatch() {
        let held = [
            HeldOrphan(eventId: "s-1", batchCode: "7", node: "n", receivedAt: 1_000),
            HeldOrphan(eventId: "s-2", batchCode: "7", node: "n", receivedAt: 2_000),
            HeldOrphan(eventId: "s-3", batchCode: "8", node: "n", receivedAt: 9_000),
        ]
        let overdue = OrphanTimeout.overdue(held, now: 10_000, timeout: 7_500)
        #expect(overdue.map(\.eventId) == ["s-1", "s-2"])
        var book = ConflictBook()
        let effects = OrphanTimeout.effects(overdue: overdue, book: &book)
        guard case .conflict(let first) = effects[0], case .conflict(let second) = effects[2] else {
            Issue.record("expected conflicts first, got \(effects)")
            return
        }
        #expect(first.opens && first.finding.subject == "orphan:7")
        #expect(!second.opens && second.finding.candidates.map(\.eventId) == ["s-2"])
        #expect(effects[1] == .flagOrphan(eventId: "s-1"))
        #expect(effects[3] == .flagOrphan(eventId: "s-2"))
    }

    /// Inputs taken in from a decision are what the next entry of the push is decided on: a receipt's code is taken
    /// and its batch known, so a second receipt of the same code is refused and a sale joins the batch.
    @Test func laterEntriesOfAPushSeeEarlierOnes() throws {
        var builder = MergeInputsBuilder.market()
        var journal = HandJournal(deviceId: "device-a", author: "符永清")
        let batch = MergeSamples.code(1)
        #expect(try builder.push(journal.append(MergeSamples.receipt(batch), id: "r", at: marketMorning)).verdict == .applied)
        let twice = try builder.push(journal.append(MergeSamples.receipt(batch), id: "r2", at: marketMorning + 1))
        #expect(twice.reasonCode == "duplicate_code")
        let sale = try builder.push(journal.append(MergeSamples.sale(batch, child: MergeSamples.code(2), quantity: 30),
                                                   id: "s", at: marketMorning + 2))
        #expect(sale.effects.contains(.linkCode(MergeSamples.code(2), batch: batch, eventId: "s", kind: .sale)))
        #expect(builder.inputs.batches[batch]?.balance == MergeSamples.kg(70))
    }
}
