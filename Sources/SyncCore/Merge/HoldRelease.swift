/// Whether an admin may lift a batch's food-safety hold, and what the release lifts (DESIGN.md §4). Pure: the
/// store asks it before it appends the release to the server journal.
///
/// A release needs a passing re-test recorded after each cause it lifts: for a failed test, a passing test of the
/// same item; for a full disposal that was voided or corrected, any passing test. A re-test is a test that counts
/// and never failed. A release cannot bring back goods a disposal still destroys: a disposed batch is refused.
public enum HoldRelease {
    /// What a release of a batch lifts, and the re-tests it relies on.
    public struct Plan: Hashable, Sendable {
        public let lifts: [String]
        public let retests: [String]
    }

    /// The release of `state`'s hold.
    /// - Throws: `TraceSyncError` `not_held`, `batch_disposed`, `batch_voided` or `retest_missing`.
    public static func plan(_ state: BatchState) throws -> Plan {
        let code = state.code.grouped
        switch state.status {
        case .held: break
        case .disposed:
            throw TraceSyncError(
                .batchDisposed, field: "code",
                zh: "批次 \(code) 已销毁：解除扣留不能恢复仍然有效的销毁记录。如销毁登记有误，请先作废该记录，复检合格后再解除。",
                en: "batch \(code) is disposed of: a release cannot bring back what a disposal that counts destroyed. If the disposal was recorded in error, void it first, then release after a passing re-test."
            )
        case .voided:
            throw TraceSyncError(.batchVoided, field: "code", zh: "批次 \(code) 的进场登记已作废，无需解除扣留。",
                                 en: "batch \(code)'s receipt is voided; there is no hold to release.")
        case .open, .closed:
            throw TraceSyncError(.notHeld, field: "code", zh: "批次 \(code) 没有被扣留，无需解除。",
                                 en: "batch \(code) is not held; there is nothing to release.")
        }
        var retests: [String] = []
        for cause in state.heldBy {
            guard let line = state.line(cause) else { continue }
            let failedItem: String? = if case .inspection(let failed) = line.current { failed.item } else { nil }
            let retest = state.lines.first { candidate in
                guard candidate.counts, candidate.event.hlc > line.event.hlc, !state.holdCauses.contains(candidate.event.id),
                      case .inspection(let test) = candidate.current, test.passed else { return false }
                return failedItem.map { $0 == test.item } ?? true
            }
            guard let retest else { throw missingRetest(state, cause: line, item: failedItem) }
            if !retests.contains(retest.event.id) { retests.append(retest.event.id) }
        }
        return Plan(lifts: state.heldBy, retests: retests)
    }

    private static func missingRetest(_ state: BatchState, cause: BatchState.Line, item: String?) -> TraceSyncError {
        let code = state.code.grouped, id = cause.event.id
        guard let item else {
            return TraceSyncError(
                .retestMissing, field: "code",
                zh: "批次 \(code) 的整批销毁记录 \(id) 已被作废或更正，之后没有合格的检测：请先在设备上登记一次合格的复检并同步，再解除扣留。",
                en: "batch \(code)'s disposal of the whole balance (\(id)) was voided or corrected and no passing test was recorded after it: record a passing re-test on a device and sync, then release the hold."
            )
        }
        return TraceSyncError(
            .retestMissing, field: "code",
            zh: "批次 \(code) 的「\(item)」检测不合格（记录 \(id)），之后没有同一项目的合格复检：请先在设备上登记合格的复检并同步，再解除扣留。",
            en: "batch \(code) failed its \(item) test (\(id)) and no passing re-test of \(item) was recorded after it: record a passing re-test on a device and sync, then release the hold."
        )
    }
}
