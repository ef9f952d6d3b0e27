import Foundation
import SyncCore
import Testing
import TestSupport

/// `serve --tls-cert --tls-key`: the real server speaks HTTPS with the operator's certificate, and only HTTPS.
@Suite(.serialized)
struct TLSServeTests {
    @Test
    func theServerAnswersOverHTTPSWithItsCertificateAndRefusesPlainHTTP() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let (certificate, key) = try await Self.selfSignedCertificate(in: directory)
            let server = ServerProcess(directory: directory)
            try await server.start(["--tls-cert", certificate.path, "--tls-key", key.path])
            defer { server.stop() }
            #expect(server.url.hasPrefix("https://127.0.0.1:"))

            let trusted = try await Self.curl(["--cacert", certificate.path, "\(server.url)/healthz"], in: directory)
            #expect(trusted.status == 0, "\(trusted)")
            #expect(try JSONValue.parse(trusted.stdout)["status"] == .string("ok"), "\(trusted)")

            let untrusted = try await Self.curl(["\(server.url)/healthz"], in: directory)
            #expect(untrusted.status == 60, "curl must refuse a certificate it does not trust: \(untrusted)")

            let plain = try await Self.curl(["http://127.0.0.1:\(server.port)/healthz"], in: directory)
            #expect(plain.status != 0, "plain HTTP must not be answered on the TLS port: \(plain)")
            #expect(!plain.stdout.contains("status"))
        }
    }

    @Test
    func anUnreadableKeyStopsTheStartWithAMessageNamingTheFile() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let (certificate, _) = try await Self.selfSignedCertificate(in: directory)
            let missing = directory.appendingPathComponent("no-such-key.pem").path
            let result = try await ProcessRun.run(
                try #require(Executables.url("sync-server")),
                ["serve", "--port", "0", "--db", directory.appendingPathComponent("central.sqlite").path,
                 "--tls-cert", certificate.path, "--tls-key", missing],
                in: directory
            )
            #expect(result.status != 0)
            #expect(result.stderr.contains("无法读取 TLS 私钥文件 \(missing)"))
            #expect(result.stderr.contains("--tls-key"))
        }
    }

    @Test
    func aCertificateWithoutItsKeyIsRefusedBeforeAnythingStarts() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let (certificate, _) = try await Self.selfSignedCertificate(in: directory)
            let database = directory.appendingPathComponent("central.sqlite")
            let result = try await ProcessRun.run(
                try #require(Executables.url("sync-server")),
                ["serve", "--port", "0", "--db", database.path, "--tls-cert", certificate.path],
                in: directory
            )
            #expect(result.status != 0)
            #expect(result.stderr.contains("--tls-key"))
            #expect(!FileManager.default.fileExists(atPath: database.path))
        }
    }

    /// A throwaway certificate for 127.0.0.1 made with the system's `openssl`.
    static func selfSignedCertificate(in directory: URL) async throws -> (certificate: URL, key: URL) {
        let certificate = directory.appendingPathComponent("server.crt")
        let key = directory.appendingPathComponent("server.key")
        let result = try await ProcessRun.run(
            URL(fileURLWithPath: "/usr/bin/openssl"),
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
             "-keyout", key.path, "-out", certificate.path],
            in: directory
        )
        guard result.status == 0 else { throw HarnessError("openssl could not make a certificate: \(result)") }
        return (certificate, key)
    }

    static func curl(_ arguments: [String], in directory: URL) async throws -> ProcessResult {
        try await ProcessRun.run(
            URL(fileURLWithPath: "/usr/bin/curl"), ["--silent", "--show-error", "--max-time", "10"] + arguments,
            in: directory
        )
    }
}
