import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The fields of the shopper's complaint form (`application/x-www-form-urlencoded`), as posted: nothing checked yet.
struct ComplaintForm: Sendable {
    /// The form's signed token (`ComplaintFormKey`).
    let token: String?
    let category: String?
    let text: String?
    let phone: String?

    /// The fields of an encoded form body; a field sent twice keeps its first value.
    init(encoded: String) {
        let form = ConsoleForm(encoded: encoded)
        token = form.fields["token"]
        category = form.fields["category"]
        text = form.fields["text"]
        phone = form.fields["phone"]
    }

    init(token: String? = nil, category: String? = nil, text: String? = nil, phone: String? = nil) {
        self.token = token
        self.category = category
        self.text = text
        self.phone = phone
    }
}
