public import SyncCore

/// Trace lookups: the consumer's page, recall lists, backward and forward trace, and a batch's timeline.
///
/// Guarantees those of every read port (`CentralReads`): a trace follows its codes through one snapshot, so every
/// stop of an answer is of the same committed state. None of these lookups waits for a write to finish.
public protocol TraceReader {
    /// The consumer's view of a trace code.
    /// - Throws: `TraceSyncError` `trace_code_format` / `trace_code_check` for a mistyped code, `unknown_code` for
    ///   one that names nothing, `voided_code` for the child code of a sale the market voided.
    func publicTrace(_ input: String) throws -> PublicTrace

    /// The recall list for a batch code, a child code or a supplier's upstream code.
    func recall(_ code: String) throws -> RecallReport

    /// The recall list of `code` from its forward trace `traces`, with the holder of every batch still holding goods.
    func recall(_ code: String, traces: [ForwardTrace]) throws -> RecallReport

    /// The recall of a case or pallet: every item in it and the sales that sold it whole, with what was sold
    /// downstream; nil when no packing names `input`.
    func containerRecall(_ input: String) throws -> RecallReport?

    /// Backward trace: the batch a code names, then each upstream code's batch, to the origin.
    func traceBackward(_ input: String) throws -> (stops: [TraceStop], externalUpstream: String?)

    /// Forward trace: every sale downstream of a batch code, child code or upstream code, with its buyer.
    func traceForward(_ input: String) throws -> [ForwardTrace]

    /// Every event of the batch, in HLC order, with its device, seq, device time and receive time.
    func batchTimeline(_ code: TraceCode) throws -> [TimelineEvent]

    /// The batch's merged state (balance, lines, holds), or nil for a code that is no batch here.
    func batchState(_ code: TraceCode) throws -> BatchState?

    /// The server journal's entry `seq` (an admin's resolution or release) as devices pull it; nil when none.
    func serverEntry(_ seq: Int64) throws -> JournalEntry?
}
