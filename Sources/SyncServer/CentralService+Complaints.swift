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

    /// The complaint with receipt `receipt` filed from trace code `code`.
    func complaint(receipt: String, code: String) throws -> Complaint {
        try store.complaint(receipt: receipt, code: code)
    }

    /// The complaints `filter` admits, newest first, phone numbers in clear.
    func complaints(_ filter: ComplaintFilter) throws -> [Complaint] {
        try store.complaints(filter)
    }

    /// The complaint `id`.
    /// - Throws: `TraceSyncError` `unknown_complaint`.
    func complaint(_ id: Int64) throws -> Complaint {
        try store.complaint(id)
    }

    /// The complaint `id`, or nil when there is none.
    func knownComplaint(_ id: Int64) throws -> Complaint? {
        do {
            return try store.complaint(id)
        } catch let refusal as TraceSyncError where refusal.code == .unknownComplaint {
            return nil
        }
    }

    /// How many complaints each node has not answered yet, by node.
    func openComplaintCounts() throws -> [String: Int] {
        try store.openComplaintCounts()
    }

    /// Takes a complaint up or answers it on behalf of `author`.
    func answerComplaint(_ id: Int64, _ answer: ComplaintAnswer, author: String) throws -> Complaint {
        try store.answerComplaint(id, answer, author: author)
    }
}
