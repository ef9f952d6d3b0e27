public import CentralCore
public import SyncCore

/// The province's credit settings, which the writer changes and every reader reads.
extension CentralStore {
    /// The settings as stored; the public grade is off without a row.
    public func creditSettings() throws -> CreditSettings {
        let value = try database.row("SELECT value FROM credit_settings WHERE name = 'public_grade'")?.string("value")
        return CreditSettings(publicGrade: value == "1")
    }

    /// Switches the public page's grade on or off; answers the settings as they now stand.
    @discardableResult
    public func setCreditSettings(_ settings: CreditSettings) throws -> CreditSettings {
        try database.run("INSERT OR REPLACE INTO credit_settings (name, value) VALUES ('public_grade', ?)",
                         settings.publicGrade ? "1" : "0")
        return try creditSettings()
    }
}
