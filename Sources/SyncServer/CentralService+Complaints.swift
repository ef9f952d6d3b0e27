import SyncCore
import CentralCore
import CentralSQLite

/// Shoppers' complaints: filed from the public page, listed and answered by the admins of the node that sold the
/// goods.
extension CentralService {
    /// A fresh token for the complaint form on the page of trace code `code` (its 24 digits).
    nonisolated func complaintFormToken(code: String) -> String {
        complaintFormKey.token(code: code, now: clock())
    }

    /// Files what a shopper's form sent for trace code `code`, in this order: the code's form, the form's token,
    /// the fields, then the code's trace and its daily cap.
    /// - Throws: `TraceSyncError` `trace_code_format` / `trace_code_check`, `complaint_form`, the refusals of
    ///   `ComplaintDraft`, `unknown_code` / `voided_code`, `rate_limited` past the code's daily cap.
    func fileComplaint(code: String, form: ComplaintForm, perCodePerDay: Int) throws -> Complaint {
        try store.checkComplaintForm(form.token ?? "", code: code)
        let draft = try ComplaintDraft(category: form.category, text: form.text, phone: form.phone)
        return try store.fileComplaint(draft, code: code, perCodePerDay: perCodePerDay)
    }

    /// The complaint with receipt `receipt` filed from trace code `code`, read beside the writer.
    nonisolated func complaint(receipt: String, code: String) async throws -> Complaint {
        try await read { try $0.complaint(receipt: receipt, code: code) }
    }

    /// The complaints `filter` admits, newest first, phone numbers in clear, read beside the writer.
    nonisolated func complaints(_ filter: ComplaintFilter) async throws -> [Complaint] {
        try await read { try $0.complaints(filter) }
    }

    /// The complaint `id`, read beside the writer.
    /// - Throws: `TraceSyncError` `unknown_complaint`.
    nonisolated func complaint(_ id: Int64) async throws -> Complaint {
        try await read { try $0.complaint(id) }
    }

    /// The complaint `id`, or nil when there is none.
    nonisolated func knownComplaint(_ id: Int64) async throws -> Complaint? {
        do {
            return try await complaint(id)
        } catch let refusal as TraceSyncError where refusal.code == .unknownComplaint {
            return nil
        }
    }

    /// How many complaints each node has not answered yet, by node, read beside the writer.
    nonisolated func openComplaintCounts() async throws -> [String: Int] {
        try await read { try $0.openComplaintCounts() }
    }

    /// Takes a complaint up or answers it on behalf of `author`.
    func answerComplaint(_ id: Int64, _ answer: ComplaintAnswer, author: String) throws -> Complaint {
        try store.answerComplaint(id, answer, author: author)
    }
}
