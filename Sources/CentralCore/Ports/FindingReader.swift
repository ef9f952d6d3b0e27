/// The supervision checks' findings as the admins' follow-up queue reads them.
///
/// Guarantees those of every read port (`CentralReads`): a listing, and the counts, read one snapshot; a check run
/// the writer is storing is either wholly in it or not at all.
public protocol FindingReader {
    /// The findings `filter` selects, newest first.
    func findings(_ filter: FindingFilter) throws -> [FindingRecord]

    /// One finding by id.
    /// - Throws: `TraceSyncError` `not_found`.
    func finding(_ id: Int64) throws -> FindingRecord

    /// The open findings counted by node, check and severity (the console overview).
    func openFindingCounts() throws -> [OpenFindingCount]
}
