public import SyncCore

/// A code a consumer looks up on the public page, and may file a complaint from: a trace code (24 digits, its check
/// digits checked) or a serialised item's code (a drug box's 20-digit 药品追溯码).
public enum PublicCode: Hashable, Sendable {
    case trace(TraceCode)
    case item(String)

    /// Reads what a consumer typed or scanned; spaces and dashes are ignored.
    /// - Throws: `TraceSyncError` `trace_code_format` / `trace_code_check` for input that is neither code.
    public init(parsing input: String) throws {
        if PublicItem.looksLikeItem(input) {
            self = .item(TraceCode.compacted(input))
        } else {
            self = .trace(try TraceCode(parsing: input))
        }
    }

    /// The code as a consumer reads it: a trace code in groups of four, an item code as printed on the box.
    public var shown: String {
        switch self {
        case .trace(let code): code.grouped
        case .item(let digits): digits
        }
    }

    /// The digits the code is stored and linked under.
    public var digits: String {
        switch self {
        case .trace(let code): code.digits
        case .item(let digits): digits
        }
    }
}
