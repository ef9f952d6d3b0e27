import Testing
@testable import CentralCore
import SyncCore

/// A certificate on receipts beyond its first receipt's quantity, on unrelated batches, or past the validity days.
@Suite("Supervision: certificate use")
struct CertificateUseCheckTests {
    typealias S = SupervisionSamples
    static let certificate = "琼动检A 4601 2026 0012345"

    static func use(_ batch: String, _ quantity: Double, at time: Int64, upstream: String? = nil, operatorId: String = S.zhang) -> CertificateUse {
        CertificateUse(certificate: certificate, batch: batch, node: S.node, operatorId: operatorId, quantity: S.kg(quantity),
                       unit: "kg", time: time, upstreamBatch: upstream)
    }

    static func details(_ findings: [Finding]) -> [String] { findings.map { String($0.key.split(separator: "|")[3]) } }

    @Test func aCertificateCarriedDownTheChainWithinItsQuantityIsClean() {
        let uses = [Self.use("A", 100, at: S.at(0)), Self.use("B", 40, at: S.at(1), upstream: "A"), Self.use("C", 60, at: S.at(2), upstream: "A")]
        #expect(S.findings(CertificateUseCheck.self, SupervisionHistory(certificateUses: uses)).isEmpty)
    }

    @Test func downstreamReceiptsBeyondTheQuantityAreFound() {
        let uses = [Self.use("A", 100, at: S.at(0)), Self.use("B", 60, at: S.at(1), upstream: "A"), Self.use("C", 50, at: S.at(1), upstream: "A")]
        let findings = S.findings(CertificateUseCheck.self, SupervisionHistory(certificateUses: uses))
        #expect(Self.details(findings) == ["beyond_quantity"])
        #expect(findings.first?.value("downstream_quantity") == "110 kg")
        #expect(findings.first?.value("covered") == "100 kg")
    }

    @Test func theCertificateOnAnUnrelatedBatchIsAReuse() {
        let uses = [Self.use("A", 100, at: S.at(0)), Self.use("E", 100, at: S.at(0, hours: 9), operatorId: "OP-46010001-003")]
        let findings = S.findings(CertificateUseCheck.self, SupervisionHistory(certificateUses: uses))
        #expect(Self.details(findings) == ["reuse"])
        #expect(findings.first?.severity == .high)
        #expect(findings.first?.value("reused_on") == "E")
        #expect(findings.first?.subject == FindingSubject(.certificate, Self.certificate))
    }

    @Test func aReceiptPastTheValidityDaysIsFound() {
        let uses = [Self.use("A", 100, at: S.at(0)), Self.use("B", 10, at: S.at(8), upstream: "A")]
        let findings = S.findings(CertificateUseCheck.self, SupervisionHistory(certificateUses: uses))
        #expect(Self.details(findings) == ["validity"])
        #expect(findings.first?.day == "2026-11-10")
        var settings = SupervisionSettings()
        try? settings.set("certificate_use.validity_days", to: 10)
        #expect(S.findings(CertificateUseCheck.self, SupervisionHistory(certificateUses: uses), settings: settings).isEmpty)
    }
}
