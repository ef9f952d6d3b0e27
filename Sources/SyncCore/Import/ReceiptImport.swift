/// The columns of a weighing-system export, in the order the README documents.
public enum ReceiptImportColumns {
    public static let names = [
        "time", "product", "quantity", "unit", "operator", "supplier", "origin", "upstream_code",
        "quarantine_cert", "meat_quality_cert", "origin_cert", "vehicle_plate",
    ]
}

/// A row of an import that was refused, with its line and reason.
public struct ImportProblem: Hashable, Sendable, Codable {
    public let line: Int
    public let code: String
    public let field: String?
    public let message: LocalizedText
}

/// The outcome of an import.
public struct ImportReport: Hashable, Sendable, Codable {
    /// Data rows in the file.
    public let rows: Int
    /// The trace codes of the imported receipts, in file order.
    public let imported: [String]
    public let problems: [ImportProblem]
}

extension FieldStore {
    /// Imports receipts from a weighing-system CSV export.
    ///
    /// Every row is checked first. With any bad row nothing is imported (unless `skipInvalid`), and every bad row
    /// is reported with its line and reason. A row whose content was imported before (from this file or another)
    /// counts as bad, `already_imported`, naming the batch it made, unless `allowDuplicates`. The good rows are
    /// written in one transaction: all or none, each batch's summary derived once.
    /// - Parameter progress: called with (rows written, rows to write).
    public func importReceipts(
        csv text: String, skipInvalid: Bool, allowDuplicates: Bool = false, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> ImportReport {
        let fileHash = SHA256Hex.of(Array(text.utf8))
        let records = try CSVReader.records(text)
        guard let header = records.first else {
            throw TraceSyncError(.csvEmpty, field: "file", zh: "文件是空的：第一行应为列名。",
                                 en: "the file is empty: its first line must name the columns.")
        }
        let columns = header.fields.map { $0.trimmingSpaces.lowercased() }
        let missing = ["time", "product", "quantity", "operator", "supplier", "origin"].filter { !columns.contains($0) }
        let unknown = columns.filter { !ReceiptImportColumns.names.contains($0) }
        guard missing.isEmpty, unknown.isEmpty else {
            let problem = (missing.map { "缺少 \($0)" } + unknown.map { "未知列 \($0)" }).joined(separator: "，")
            let problemEn = (missing.map { "missing \($0)" } + unknown.map { "unknown column \($0)" }).joined(separator: ", ")
            throw TraceSyncError(
                .csvHeader, field: "line 1",
                zh: "第 1 行列名不对（\(problem)）。可用列：\(ReceiptImportColumns.names.joined(separator: ","))。",
                en: "line 1 does not name the right columns (\(problemEn)). Columns: \(ReceiptImportColumns.names.joined(separator: ","))."
            )
        }
        // One transaction from the first check to the last write: every lookup reads the same snapshot without
        // taking a read lock of its own, and the good rows are written all or none.
        return try database.inTransaction {
            let (good, problems) = try check(records.dropFirst(), columns: columns, fileHash: fileHash,
                                             allowDuplicates: allowDuplicates)
            let rows = records.count - 1
            guard problems.isEmpty || skipInvalid else { return ImportReport(rows: rows, imported: [], problems: problems) }
            let imported = try materializingOnce { try write(good, fileHash: fileHash, progress: progress) }
            return ImportReport(rows: rows, imported: imported, problems: problems)
        }
    }

    /// A data row that passed every check: its receipt (with a placeholder code until minted), line and fingerprint.
    private typealias CheckedRow = (receipt: Receipt, line: Int, fingerprint: String)

    /// Checks every data row, in file order: the good rows' receipts, and a problem for each bad row.
    private func check(
        _ records: ArraySlice<CSVRecord>, columns: [String], fileHash: String, allowDuplicates: Bool
    ) throws -> (good: [CheckedRow], problems: [ImportProblem]) {
        var good: [CheckedRow] = []
        var problems: [ImportProblem] = []
        var lookups = MasterDataLookups()
        for record in records {
            do {
                guard record.fields.count == columns.count else {
                    throw TraceSyncError(
                        .csvColumns, field: nil,
                        zh: "有 \(record.fields.count) 列，应有 \(columns.count) 列。",
                        en: "has \(record.fields.count) columns, expected \(columns.count)."
                    )
                }
                var value: [String: String] = [:]
                for (name, field) in zip(columns, record.fields) { value[name] = field.trimmingSpaces.nonEmpty }
                let fingerprint = Self.fingerprint(value)
                if !allowDuplicates, let earlier = try importedRow(fingerprint: fingerprint) {
                    throw Self.alreadyImported(earlier, sameFile: earlier.fileHash == fileHash)
                }
                good.append((try checkedReceipt(ReceiptInput(
                    product: value["product"] ?? "", quantity: value["quantity"] ?? "", unit: value["unit"],
                    operatorRef: value["operator"] ?? "", supplier: value["supplier"] ?? "", origin: value["origin"] ?? "",
                    upstreamCode: value["upstream_code"], quarantineCert: value["quarantine_cert"],
                    meatQualityCert: value["meat_quality_cert"], originCert: value["origin_cert"],
                    vehiclePlate: value["vehicle_plate"],
                    time: try Validation.required(value["time"], field: "time", zh: "时间", en: "the time")
                ), lookups: &lookups), record.line, fingerprint))
            } catch let error as TraceSyncError {
                problems.append(ImportProblem(line: record.line, code: error.code.rawValue, field: error.field, message: error.message))
            }
        }
        return (good, problems)
    }

    /// Records the checked rows' receipts in file order, each with a new trace code and its import record, inside
    /// the import's transaction and with each batch's summary derived once at its end.
    /// - Returns: the batches' trace codes, in file order.
    private func write(_ good: [CheckedRow], fileHash: String, progress: (Int, Int) -> Void) throws -> [String] {
        var imported: [String] = []
        imported.reserveCapacity(good.count)
        for row in good {
            var minted = row.receipt
            minted.batchCode = try mintCode(time: row.receipt.time)
            try appendInTransaction(.receipt(minted))
            try recordImported(fingerprint: row.fingerprint, fileHash: fileHash, line: row.line,
                               batchCode: minted.batchCode.digits)
            imported.append(minted.batchCode.digits)
            progress(imported.count, good.count)
        }
        return imported
    }

    /// A row's content, whatever the column order: the SHA-256 of its non-empty values by column name.
    static func fingerprint(_ value: [String: String]) -> String {
        SHA256Hex.of(JSONValue.object(value.mapValues(JSONValue.string)).canonicalBytes)
    }

    static func alreadyImported(_ earlier: ImportedRow, sameFile: Bool) -> TraceSyncError {
        let when = BusinessTime.display(earlier.importedAt)
        let source = sameFile
            ? LocalizedText(zh: "本文件第 \(earlier.line) 行", en: "line \(earlier.line) of this same file")
            : LocalizedText(zh: "另一文件第 \(earlier.line) 行", en: "line \(earlier.line) of another file")
        return TraceSyncError(
            .alreadyImported, field: nil,
            zh: "已于 \(when) 导入（\(source.zh)，追溯码 \(earlier.batchCode)），不再重复登记。如确为另一批货，请加 --allow-duplicates。",
            en: "already imported at \(when) (\(source.en), trace code \(earlier.batchCode)); not recorded twice. If it really is another delivery, add --allow-duplicates."
        )
    }
}
