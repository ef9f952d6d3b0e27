/// Migration `v10-complaints`: shoppers' complaints, each in the queue of the node that sold the goods.
///
/// `contact` holds the phone's document without its number (`{"phone":"***"}`) and `contact_sealed` the number
/// sealed by `PersonalDataCipher`, so the number is never in the file in clear. `trace` is the code's public trace
/// as it stood at filing (JSON), `day` the business day of filing (UTC+8), which the per-code daily cap counts by.
enum ComplaintsSchema {
    static let sql = """
        CREATE TABLE complaints (
            id INTEGER PRIMARY KEY,
            receipt TEXT NOT NULL UNIQUE,
            code TEXT NOT NULL,
            batch_code TEXT NOT NULL,
            node TEXT NOT NULL,
            operator_id TEXT,
            category TEXT NOT NULL,
            text TEXT NOT NULL,
            contact TEXT,
            contact_sealed TEXT,
            trace TEXT NOT NULL,
            day TEXT NOT NULL,
            filed_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            reply TEXT,
            upheld INTEGER,
            updated_at INTEGER,
            updated_by TEXT
        );
        CREATE INDEX complaints_node_status ON complaints (node, status);
        CREATE INDEX complaints_code_day ON complaints (code, day);
        CREATE INDEX complaints_operator ON complaints (operator_id, upheld);
        CREATE INDEX complaints_batch ON complaints (batch_code);
        """
}
