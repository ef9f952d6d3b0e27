/// Migration `v16-operator-credit`: the province's credit settings (`CreditSettings`), one row a setting.
///
/// `public_grade` is `1` when the public trace page shows the selling operator's grade; no row is the default, off.
/// The credit itself is not stored: it is computed from the record each time it is read.
enum CreditSchema {
    static let sql = """
        CREATE TABLE credit_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
}
