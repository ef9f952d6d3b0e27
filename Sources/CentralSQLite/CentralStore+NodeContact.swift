public import CentralCore
public import SyncCore

/// A node's public contact, the phone number and address a consumer's trace page shows (DESIGN.md §5: the market's
/// own, never an operator's or a person's).
extension CentralStore {
    /// Migration `v9-node-public-contact`: the columns, empty for the nodes added before.
    static let nodeContactSQL = """
        ALTER TABLE nodes ADD COLUMN phone TEXT;
        ALTER TABLE nodes ADD COLUMN address TEXT;
        """

    /// Sets the public phone number and address of node `code`; nil leaves a value as it is, "" clears it.
    /// - Throws: `TraceSyncError` `unknown_node`, or `bad_node` for a phone number that is not one.
    public func setNodeContact(_ code: String, phone: String?, address: String?) throws {
        let node = try node(code)
        try Self.checkContact(phone: phone, address: address)
        try database.run(
            "UPDATE nodes SET phone = ?, address = ? WHERE code = ?",
            phone.map { $0.isEmpty ? nil : $0 } ?? node.phone, address.map { $0.isEmpty ? nil : $0 } ?? node.address,
            code
        )
    }

    /// Refuses a phone number with anything but digits, spaces, `-`, `+` and brackets, or with fewer than 5 or more
    /// than 20 digits, and an address longer than 120 characters.
    static func checkContact(phone: String?, address: String?) throws {
        if let phone, !phone.isEmpty {
            let digits = phone.filter(\.isASCIIDigit).count
            guard phone.allSatisfy({ $0.isASCIIDigit || " -+()".contains($0) }), (5...20).contains(digits) else {
                throw TraceSyncError(.badNode, field: "phone",
                                     zh: "电话「\(phone)」无效：请填写市场办公室的公开电话，例如 0898-6678 2301。",
                                     en: "phone \"\(phone)\" is not valid: give the market office's public number, e.g. 0898-6678 2301.")
            }
        }
        if let address, address.count > 120 {
            throw TraceSyncError(.badNode, field: "address",
                                 zh: "地址过长（\(address.count) 字）：最多 120 字。",
                                 en: "the address is too long (\(address.count) characters): at most 120.")
        }
    }
}
