import Foundation
public import CentralCore
public import SyncCore

/// Shoppers' complaints: filed against a trace code into the queue of the node that sold the goods, answered by its
/// admins, counted per operator for their credit.
extension CentralStore {
    /// Files a complaint about the goods of `input`, a trace code or a drug box's item code (`PublicCode`): into the
    /// queue of the node that sold them (a child code's sale, a batch code's own node, the batch an item was last
    /// received in), with the code's public trace as it stands now.
    /// - Parameter perCodePerDay: how many complaints one code may get in a business day (UTC+8).
    /// - Throws: `TraceSyncError` as `publicTrace` does for a code that cannot be shown, `rate_limited` past the
    ///   day's cap.
    public func fileComplaint(_ draft: ComplaintDraft, code input: String, perCodePerDay: Int) throws -> Complaint {
        let code = try PublicCode(parsing: input)
        let chain = try traceBackward(try traceHead(of: code))
        guard let seller = chain.stops.first else { throw Self.unknownCode(code) }
        let trace = try publicTrace(code.digits)
        let batch = try database.row("SELECT node, operator_id FROM batches WHERE code = ?", seller.batchCode)
        guard let node = batch?.string("node") ?? seller.node?.code else { throw Self.unknownCode(code) }
        let now = clock(), day = BusinessTime.dayOf(now)
        let traceText = try JSONValue(encoding: trace).canonicalString
        return try database.inTransaction {
            let filed = try database.scalar("SELECT count(*) FROM complaints WHERE code = ? AND day = ?", code.digits, day) ?? 0
            guard filed < perCodePerDay else { throw Self.complaintLimit(code, perCodePerDay) }
            let contact = try draft.phone.map { try personalData.seal(.object(["phone": .string($0)])) }
            var receipt = ComplaintReceipt.make()
            while try database.row("SELECT 1 FROM complaints WHERE receipt = ?", receipt) != nil { receipt = ComplaintReceipt.make() }
            try database.run(
                """
                INSERT INTO complaints (receipt, code, batch_code, node, operator_id, category, text, contact, contact_sealed,
                                        trace, day, filed_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                receipt, code.digits, seller.batchCode, node, batch?.string("operator_id"), draft.category.rawValue, draft.text,
                contact?.text, contact?.envelope, traceText, day, now, ComplaintStatus.received.rawValue
            )
            return try complaint(database.lastInsertRowID)
        }
    }

    /// The complaint `id`, its phone number in clear.
    /// - Throws: `TraceSyncError` `unknown_complaint`.
    public func complaint(_ id: Int64) throws -> Complaint {
        guard let row = try database.row("SELECT * FROM complaints WHERE id = ?", id) else {
            throw TraceSyncError(.unknownComplaint, field: "id",
                                 zh: "没有编号为 \(id) 的投诉：可用 admin complaints list 查看。",
                                 en: "there is no complaint \(id): `admin complaints list` lists them.")
        }
        return try complaint(row)
    }

    /// The complaint with receipt number `typed` filed from trace code `code`; another code's complaint is as
    /// unknown as no complaint, so a receipt opens only its own page.
    /// - Throws: `TraceSyncError` `unknown_complaint`.
    public func complaint(receipt typed: String, code input: String) throws -> Complaint {
        guard let receipt = ComplaintReceipt.normalised(typed), let code = try? PublicCode(parsing: input),
              let row = try database.row("SELECT * FROM complaints WHERE receipt = ? AND code = ?", receipt, code.digits)
        else { throw ComplaintReceipt.unknown(typed) }
        return try complaint(row)
    }

    /// The complaints `filter` admits, newest first, their phone numbers in clear.
    public func complaints(_ filter: ComplaintFilter = ComplaintFilter()) throws -> [Complaint] {
        var conditions: [String] = [], arguments: [any DatabaseValueConvertible] = []
        func add(_ condition: String, _ value: (any DatabaseValueConvertible)?) {
            guard let value else { return }
            conditions.append(condition)
            arguments.append(value)
        }
        add("node = ?", filter.node)
        add("status = ?", filter.status?.rawValue)
        add("operator_id = ?", filter.operatorId)
        add("batch_code = ?", filter.batchCode)
        add("upheld = ?", filter.upheld)
        add("filed_at >= ?", filter.filedFrom)
        add("filed_at < ?", filter.filedBefore)
        let condition = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try database.query("SELECT * FROM complaints\(condition) ORDER BY id DESC", arguments).map(complaint)
    }

    /// How many complaints each node has not answered yet (received or in progress), by node; a node without any
    /// is left out.
    public func openComplaintCounts() throws -> [String: Int] {
        try database.query("SELECT node, count(*) AS open FROM complaints WHERE status != 'answered' GROUP BY node")
            .reduce(into: [:]) { counts, row in counts[try row.text("node")] = Int(try row.integer("open")) }
    }

    /// Takes a complaint up or answers it on behalf of `author`; a reply or upheld left out keeps what was set.
    /// - Throws: `TraceSyncError` `unknown_complaint`, or the refusals of `ComplaintAnswer.checked()`.
    public func answerComplaint(_ id: Int64, _ answer: ComplaintAnswer, author: String) throws -> Complaint {
        let answer = try answer.checked()
        return try database.inTransaction {
            let current = try complaint(id)
            try database.run(
                "UPDATE complaints SET status = ?, reply = ?, upheld = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                answer.status.rawValue, answer.reply ?? current.reply, answer.upheld ?? current.upheld, clock(), author, id
            )
            return try complaint(id)
        }
    }

    /// Signs the complaint forms of this store's public pages, on any thread.
    package var complaintFormKey: ComplaintFormKey { ComplaintFormKey(sealingWith: personalData) }

    /// A token for the complaint form of trace code `code` (its 24 digits), valid for two hours from now.
    public func complaintFormToken(code: String) -> String {
        complaintFormKey.token(code: code, now: clock())
    }

    /// Checks the token a complaint form was posted with against the code it was posted for.
    /// - Throws: `TraceSyncError` `complaint_form` when it is missing, forged, for another code or expired.
    public func checkComplaintForm(_ token: String, code input: String) throws {
        let code = try PublicCode(parsing: input)
        try ComplaintFormKey(sealingWith: personalData).check(token, code: code.digits, now: clock())
    }

    private func complaint(_ row: Row) throws -> Complaint {
        let contact = try row.string("contact").map { try personalData.open($0, envelope: row.string("contact_sealed")) }
        var phone: String?
        if case .string(let number)? = contact?["phone"] { phone = number }
        return Complaint(
            id: try row.integer("id"), receipt: try row.text("receipt"), code: try row.text("code"),
            batchCode: try row.text("batch_code"), node: try row.text("node"), operatorId: row.string("operator_id"),
            category: ComplaintCategory(rawValue: try row.text("category")) ?? .other, text: try row.text("text"),
            phone: phone,
            status: ComplaintStatus(rawValue: try row.text("status")) ?? .received, reply: row.string("reply"),
            upheld: row.int("upheld").map { $0 != 0 }, filedAt: try row.integer("filed_at"), updatedAt: row.int("updated_at"),
            updatedBy: row.string("updated_by"),
            trace: try JSONValue.parse(try row.text("trace")).decode(PublicTrace.self)
        )
    }

    /// The refusal of a complaint past the code's daily cap.
    static func complaintLimit(_ code: PublicCode, _ limit: Int) -> TraceSyncError {
        TraceSyncError(.rateLimited, field: "code",
                       zh: "追溯码 \(code.shown) 今天已收到 \(limit) 条投诉，达到每日上限，未保存本条：请明天再提交，或直接联系售出的市场。",
                       en: "code \(code.shown) has had \(limit) complaints today, the daily cap, so this one was not saved: submit it tomorrow, or contact the market that sold the goods.")
    }
}
