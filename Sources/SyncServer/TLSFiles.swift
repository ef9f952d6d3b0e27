import Foundation
import NIOSSL
import SyncCore
import CentralCore
import CentralSQLite

/// The server's certificate chain and private key, as PEM files, for `serve --tls-cert --tls-key`.
struct TLSFiles {
    /// The PEM file with the server's certificate, followed by any intermediate certificates.
    var certificatePath: String
    /// The PEM file with the certificate's private key.
    var keyPath: String

    /// Reads both files and makes the server's TLS configuration: TLS 1.2 at least, no client certificates.
    /// - Throws: `TraceSyncError` `tls_files` naming the file that is missing or cannot be read as PEM.
    func configuration() throws -> TLSConfiguration {
        let chain = try read(.certificate) { try NIOSSLCertificate.fromPEMFile($0) }
        guard !chain.isEmpty else { throw refusal(.certificate) }
        let key = try read(.key) { try NIOSSLPrivateKey(file: $0, format: .pem) }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key)
        )
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }

    /// The two files, for naming the one that fails.
    private enum File {
        case certificate, key
    }

    private func read<T>(_ file: File, _ load: (String) throws -> T) throws -> T {
        let path = file == .certificate ? certificatePath : keyPath
        guard FileManager.default.isReadableFile(atPath: path), let value = try? load(path) else { throw refusal(file) }
        return value
    }

    private func refusal(_ file: File) -> TraceSyncError {
        let (option, path, zh, en) = file == .certificate
            ? ("tls-cert", certificatePath, "证书", "certificate")
            : ("tls-key", keyPath, "私钥", "private key")
        return TraceSyncError(
            .tlsFiles, field: option,
            zh: "无法读取 TLS \(zh)文件 \(path)：请用 --\(option) 指定可读的 PEM 文件；服务器未启动。",
            en: "cannot read the TLS \(en) file \(path): give a readable PEM file with --\(option); the server did not start."
        )
    }
}
