/// Reading what the device knows.
extension FieldStore {
    /// A batch row for listings.
    public struct BatchSummary: Hashable, Sendable, Codable {
        public let code: String
        public let product: String
        public let productName: String
        public let operatorId: String
        public let time: Int64
        public let received: String
        public let balance: String
        public let status: BatchStatus
        public let flags: [BatchFlag]
    }

    /// The batch a code belongs to: its own code or a sale's child code.
    public func batchCode(for input: String, field: String = "code") throws -> TraceCode {
        let code = try TraceCode(parsing: input, field: field)
        guard let batch = try database.row("SELECT batch_code FROM trace_codes WHERE code = ?", code.digits)?.optionalText("batch_code") else {
            throw TraceSyncError(
                .unknownBatch, field: field,
                zh: "本设备没有追溯码为 \(code.grouped) 的批次。同步后可看到同一市场其他设备的记录。",
                en: "this device knows no batch with trace code \(code.grouped). Records of other devices in the market appear after a sync."
            )
        }
        return try TraceCode(parsing: batch)
    }

    /// The derived state of batch `code`, if its receipt is known.
    public func batchState(_ code: TraceCode) throws -> BatchState? {
        BatchState.derive(code: code, events: try events(ofBatch: code))
    }

    /// The state of the batch a code belongs to; refuses unknown codes.
    public func requireBatch(_ input: String) throws -> BatchState {
        let code = try batchCode(for: input)
        guard let state = try batchState(code) else {
            throw TraceSyncError(.unknownBatch, field: "code",
                                 zh: "批次 \(code.grouped) 的进场登记尚未同步到本设备。",
                                 en: "the receipt of batch \(code.grouped) has not reached this device yet.")
        }
        return state
    }

    /// The batch and line of an event named by id, or of the receipt or sale a trace code names.
    public func resolveEvent(_ reference: String) throws -> (BatchState, BatchState.Line) {
        if TraceCode.hasOwnFormat(reference) {
            let code = try TraceCode(parsing: reference)
            let state = try requireBatch(reference)
            guard let row = try database.row("SELECT event_id FROM trace_codes WHERE code = ?", code.digits),
                  let line = state.line(try row.text("event_id")) else {
                throw TraceSyncError(.internalError, field: "code",
                                     zh: "追溯码 \(code.grouped) 指向的记录不在其批次中：设备数据库不一致。",
                                     en: "the event trace code \(code.grouped) names is not in its batch: the device database is inconsistent.")
            }
            return (state, line)
        }
        guard let row = try database.row("SELECT batch_code FROM events WHERE id = ?", reference.trimmingSpaces),
              let batch = try row.optionalText("batch_code"), let state = try batchState(try TraceCode(parsing: batch)),
              let line = state.line(reference.trimmingSpaces) else {
            throw TraceSyncError(
                .unknownEvent, field: "event",
                zh: "本设备没有编号为「\(reference)」的记录。可用 field show 追溯码 查看各记录编号。",
                en: "this device has no event \"\(reference)\". `field show CODE` lists the event ids of a batch."
            )
        }
        return (state, line)
    }

    /// Batches, newest first, filtered by status and business day (`YYYY-MM-DD`).
    public func batches(status: BatchStatus? = nil, day: String? = nil) throws -> [BatchSummary] {
        try database.query(
            """
            SELECT b.*, p.name AS product_name FROM batches b LEFT JOIN products p ON p.code = b.product
            WHERE (?1 IS NULL OR b.status = ?1) AND (?2 IS NULL OR b.day = ?2)
            ORDER BY b.time DESC, b.code DESC
            """,
            status?.rawValue, day
        ).map { row in
            BatchSummary(
                code: try row.text("code"), product: try row.text("product"),
                productName: try row.optionalText("product_name") ?? row.text("product"),
                operatorId: try row.text("operator_id"), time: try row.integer("time"),
                received: try row.text("received"), balance: try row.text("balance"),
                status: try row.stored("status", as: BatchStatus.self),
                flags: try row.text("flags").split(separator: ",").compactMap { BatchFlag(rawValue: String($0)) }
            )
        }
    }

    /// The region's name, or its code when unknown.
    public func regionName(_ code: String) -> LocalizedText {
        guard let region = try? region(code) else { return LocalizedText(zh: code, en: code) }
        return LocalizedText(zh: region.name, en: region.nameEn)
    }

    /// The product's name, or its code when unknown.
    public func productName(_ code: String) -> LocalizedText {
        guard let product = try? product(code) else { return LocalizedText(zh: code, en: code) }
        return LocalizedText(zh: product.name, en: product.nameEn)
    }
}
