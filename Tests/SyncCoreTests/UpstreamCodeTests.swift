import SyncCore
import Testing

/// A supplier's code has one stored form, which recording keeps and every lookup searches for.
@Suite struct UpstreamCodeTests {
    @Test(arguments: [
        ("SH469023-20261202-0007", "SH469023-20261202-0007"),
        ("  SH469023-20261202-0007 ", "SH469023-20261202-0007"),
        ("4601 0001 0012 6112 5000 0107", "460100010012611250000107"),
        ("4601-0001-0012-6112-5000-0107", "460100010012611250000107"),
    ])
    func theKeyKeepsAnotherSystemsHyphensAndGroupsOurOwnCodes(_ typed: String, _ stored: String) {
        #expect(UpstreamCode.key(typed) == stored)
    }
}
