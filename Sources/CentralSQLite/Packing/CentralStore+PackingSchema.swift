extension CentralStore {
    /// v13: serialised items and the cases and pallets they are packed in (issue 17 item 2). An item leads to every
    /// batch whose receipt names it (the wholesaler's, the pharmacy's); a container to every batch a packing of it
    /// belongs to (a pallet of cases of several batches). What each holds is derived from the batch's events
    /// (`BatchPacking`), so these tables only find the batches.
    static let packingSQL = """
        CREATE TABLE items (
            code TEXT NOT NULL,
            batch_code TEXT NOT NULL,
            event_id TEXT NOT NULL,
            PRIMARY KEY (code, batch_code)
        ) WITHOUT ROWID;
        CREATE TABLE containers (
            code TEXT NOT NULL,
            batch_code TEXT NOT NULL,
            event_id TEXT NOT NULL,
            level TEXT NOT NULL,
            PRIMARY KEY (code, batch_code)
        ) WITHOUT ROWID;
        CREATE INDEX containers_batch ON containers (batch_code);
        """
}
