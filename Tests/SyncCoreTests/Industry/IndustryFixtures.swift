import Foundation
import SyncCore
import TestSupport

/// The fixtures of one industry in `Fixtures/industries/<industry>/`.
struct IndustryFixtures {
    /// A product, item, unit or node with its identifiers by kind.
    struct Entry: Decodable {
        let code: String?
        let product: String?
        let kind: String?
        let restricted: Bool?
        let identifiers: [String: String]
    }

    /// A licence held by a node.
    struct Licence: Decodable {
        let holder: String
        let kind: String
        let number: String
        let validFrom: String
        let validUntil: String
    }

    let industry: Industry
    let products: [Entry]
    let items: [Entry]
    let units: [Entry]
    let nodes: [Entry]
    let licences: [Licence]

    /// The industries that have a fixtures folder.
    static func all() throws -> [IndustryFixtures] {
        let root = fixturesDirectory.appendingPathComponent("industries")
        return try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
            .filter { !$0.contains(".") }
            .map { try IndustryFixtures(folder: root.appendingPathComponent($0)) }
    }

    init(folder: URL) throws {
        industry = Industry(rawValue: folder.lastPathComponent)
        func read<T: Decodable>(_ name: String) throws -> [T] {
            let url = folder.appendingPathComponent(name + ".json")
            guard FileManager.default.fileExists(atPath: url.path) else { return [] }
            return try JSONDecoder().decode([T].self, from: Data(contentsOf: url))
        }
        products = try read("products")
        items = try read("items")
        units = try read("units")
        nodes = try read("nodes")
        licences = try read("licences")
    }
}
