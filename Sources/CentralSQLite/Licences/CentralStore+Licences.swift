public import SyncCore

/// Licences on record and restricted products (issue 17 item 4), as the licence rules read them at a push.
extension CentralStore {
    /// Migration v15: each product's restriction (限制使用农药, 剧毒化学品 …) and the licences registrations put on
    /// record, one row per operator, kind and number (a re-registration adds licences, never drops them).
    static let licencesSQL = """
        ALTER TABLE products ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE operator_licences (
            operator_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            number TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            event_id TEXT,
            PRIMARY KEY (operator_id, kind, number)
        ) WITHOUT ROWID;
        """

    /// Records whether `product` is restricted (its row written already).
    func saveRestriction(_ product: Product) throws {
        try database.run("UPDATE products SET restricted = ? WHERE code = ?", product.isRestricted ? 1 : 0, product.code)
    }

    /// Puts `registered`'s licences on record; a licence already on record keeps its validity as first recorded
    /// unless this one extends it (a renewed licence keeps its number in some provinces).
    func saveLicences(of registered: Operator, eventId: String?) throws {
        for licence in registered.licences ?? [] {
            try database.run(
                """
                INSERT INTO operator_licences (operator_id, kind, number, valid_from, valid_until, event_id)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (operator_id, kind, number) DO UPDATE SET
                    valid_from = min(valid_from, excluded.valid_from), valid_until = max(valid_until, excluded.valid_until)
                """,
                registered.id, licence.kind.rawValue, licence.number, licence.validFrom, licence.validUntil, eventId
            )
        }
    }

    /// The licences on record for operator `id`, by kind and number.
    public func licences(of id: String) throws -> [Licence] {
        try database.query(
            "SELECT kind, number, valid_from, valid_until FROM operator_licences WHERE operator_id = ? ORDER BY kind, number",
            id
        ).map(Self.licence)
    }

    static func licence(_ row: Row) throws -> Licence {
        let kind = try row.text("kind")
        guard let known = IdentifierKind(rawValue: kind) else {
            throw TraceSyncError(.internalError, zh: "许可证种类「\(kind)」未知。", en: "unknown licence kind \"\(kind)\" stored.")
        }
        return Licence(kind: known, number: try row.text("number"), validFrom: try row.text("valid_from"),
                       validUntil: try row.text("valid_until"))
    }
}

extension SQLitePushTransaction {
    /// Adds the licences on record to the operators read, and the facts of the products named or traded.
    func readLicensing(_ needs: MergeNeeds, into inputs: inout MergeInputs) throws {
        let ids = Set(inputs.operators.keys).union(inputs.operators.values.compactMap(\.canonicalId))
        for row in try rows(
            "SELECT operator_id, kind, number, valid_from, valid_until FROM operator_licences WHERE operator_id IN", ids,
            orderBy: "operator_id, kind, number"
        ) {
            let id = try row.text("operator_id")
            inputs.operators[id]?.licences.append(try CentralStore.licence(row))
        }
        let products = needs.products.union(inputs.batches.values.map(\.receipt.product))
            .union(inputs.heldEvents.values.joined().compactMap { event in
                if case .receipt(let receipt) = event.body { receipt.product } else { nil }
            })
        for row in try rows("SELECT code, industry, restricted FROM products WHERE code IN", products) {
            inputs.productFacts[try row.text("code")] = MergeInputs.ProductFacts(
                industry: Industry(rawValue: try row.text("industry")), restricted: try row.integer("restricted") != 0
            )
        }
    }
}
