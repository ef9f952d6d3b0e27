/// Looking up master data by what an inspector types: a code or a name.
extension FieldStore {
    /// The product with this code or exact Chinese or English name.
    public func product(_ reference: String, field: String = "product") throws -> Product {
        let key = reference.trimmingSpaces
        let row = try database.row(
            "SELECT * FROM products WHERE code = ?1 OR name = ?1 OR lower(name_en) = lower(?1)", key
        )
        guard let row else {
            let near = NearestNames.clause(for: key, among: try names("SELECT name FROM products ORDER BY code"))
            throw TraceSyncError(
                .unknownProduct, field: field,
                zh: "未知产品「\(reference)」：请输入产品编码或准确的中文名称，可用 field products 查看产品目录。" + near.zh,
                en: "unknown product \"\(reference)\": enter a product code or its exact name; `field products` lists them." + near.en
            )
        }
        return try CatalogueTables.product(row)
    }

    /// Every product, by code; those whose code or name contains `search`, when given.
    public func products(matching search: String? = nil) throws -> [Product] {
        let pattern = "%" + (search ?? "") + "%"
        return try database.query(
            "SELECT * FROM products WHERE code LIKE ?1 OR name LIKE ?1 OR name_en LIKE ?1 ORDER BY code", pattern
        ).map(CatalogueTables.product)
    }

    /// The region with this GB/T 2260 code or exact name.
    public func region(_ reference: String, field: String = "origin") throws -> Region {
        let key = reference.trimmingSpaces
        guard let row = try database.row("SELECT * FROM regions WHERE code = ?1 OR name = ?1", key) else {
            let near = NearestNames.clause(for: key, among: try names("SELECT name FROM regions ORDER BY code"))
            throw TraceSyncError(
                .unknownRegion, field: field,
                zh: "未知产地「\(reference)」：请输入 6 位行政区划代码（GB/T 2260），例如 469023（澄迈县），或准确的地名。" + near.zh,
                en: "unknown origin \"\(reference)\": enter a 6-digit GB/T 2260 region code, e.g. 469023 (Chengmai), or its exact name." + near.en
            )
        }
        return try CatalogueTables.region(row)
    }

    /// The operator of this node with this id, credit code or exact name.
    public func `operator`(_ reference: String, field: String = "operator") throws -> Operator {
        if let found = try findOperator(reference) { return found }
        let near = NearestNames.clause(
            for: reference.trimmingSpaces, among: try names("SELECT name FROM operators ORDER BY id")
        )
        throw TraceSyncError(
            .unknownOperator, field: field,
            zh: "本节点没有经营户「\(reference)」：请输入经营户编号、统一社会信用代码或名称，或先用 field operator add 登记。" + near.zh,
            en: "no operator \"\(reference)\" at this node: enter an operator id, credit code or name, or register one with `field operator add`." + near.en
        )
    }

    /// The first column of `sql`'s rows: the names a refused lookup suggests from.
    private func names(_ sql: String) throws -> [String] {
        try database.query(sql).map { try $0.text("name") }
    }

    /// The operator matching `reference`, if any.
    public func findOperator(_ reference: String) throws -> Operator? {
        let key = reference.trimmingSpaces
        let row = try database.row(
            "SELECT record FROM operators WHERE id = ?1 OR (credit_code = upper(?1) AND credit_code IS NOT NULL) OR name = ?1 LIMIT 1",
            key
        )
        return try row.map { try JSONValue.parse(try $0.text("record")).decode(Operator.self) }
    }
}
