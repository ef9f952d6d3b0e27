/// Shoppers' complaints as the public page and the admins read them.
///
/// Guarantees those of every read port (`CentralReads`): a listing, and the counts, read one snapshot.
public protocol ComplaintReader {
    /// The complaint with receipt `receipt` filed from trace code `code`, for the shopper who filed it.
    /// - Throws: `TraceSyncError` `unknown_complaint` when the receipt and the code do not belong together.
    func complaint(receipt: String, code: String) throws -> Complaint

    /// The complaints `filter` admits, newest first, phone numbers in clear.
    func complaints(_ filter: ComplaintFilter) throws -> [Complaint]

    /// The complaint `id`.
    /// - Throws: `TraceSyncError` `unknown_complaint`.
    func complaint(_ id: Int64) throws -> Complaint

    /// How many complaints each node has not answered yet, by node.
    func openComplaintCounts() throws -> [String: Int]
}
