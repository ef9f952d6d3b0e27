import Foundation
import TestSupport

/// The routes `Sources/SyncServer/OpenAPI/openapi.json` documents, read from the document itself so that a route added
/// there is covered by the tests that go through every route.
struct OpenAPIRoute: CustomStringConvertible {
    /// Which credential a route asks for.
    enum Credential { case device, admin }

    /// A documented parameter: its name, where it goes and what it must be.
    struct Parameter {
        let name: String
        let inPath: Bool
        let isInteger: Bool
        let allowed: [String]?
        let isDate: Bool
        let pattern: String?

        /// True when the server must refuse `value` for this parameter by its documented schema.
        func refuses(_ value: String) -> Bool {
            if isInteger { return Int64(value).map { $0 < 0 } ?? true }
            if let allowed { return !allowed.contains(value) }
            if isDate { return value.range(of: #"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"#, options: .regularExpression) == nil }
            if let pattern { return value.range(of: pattern, options: .regularExpression) == nil }
            return false
        }
    }

    let method: String
    let template: String
    let credential: Credential?
    let readsBody: Bool
    let parameters: [Parameter]

    var description: String { "\(method) \(template)" }

    /// The path with every path parameter filled in: by `values`, else by a well-formed value that names nothing that
    /// exists (so no request acts on real data).
    func path(_ values: [String: String] = [:]) -> String {
        parameters.filter(\.inPath).reduce(template) { path, parameter in
            let value = values[parameter.name] ?? parameter.placeholder
            return path.replacingOccurrences(of: "{\(parameter.name)}", with: value)
        }
    }

    /// Every route and method of the server's OpenAPI document.
    static func all() throws -> [OpenAPIRoute] {
        let url = Executables.packageRoot.appendingPathComponent("Sources/SyncServer/OpenAPI/openapi.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        let components = document["components"] as? [String: Any] ?? [:]
        let schemas = components["schemas"] as? [String: Any] ?? [:]
        let globalSecurity = document["security"] as? [[String: Any]]
        var routes: [OpenAPIRoute] = []
        for (template, item) in (document["paths"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (method, operation) in item as? [String: Any] ?? [:] {
                guard ["get", "post", "put", "patch", "delete"].contains(method), let operation = operation as? [String: Any] else { continue }
                let security = operation["security"] as? [[String: Any]] ?? globalSecurity ?? []
                let scheme = security.flatMap(\.keys).first
                routes.append(OpenAPIRoute(
                    method: method.uppercased(), template: template,
                    credential: scheme.map { $0.lowercased().contains("device") ? .device : .admin },
                    readsBody: operation["requestBody"] != nil,
                    parameters: (operation["parameters"] as? [[String: Any]] ?? []).map { Parameter($0, schemas: schemas) }
                ))
            }
        }
        return routes.sorted { ($0.template, $0.method) < ($1.template, $1.method) }
    }
}

extension OpenAPIRoute.Parameter {
    init(_ parameter: [String: Any], schemas: [String: Any]) {
        var schema = parameter["schema"] as? [String: Any] ?? [:]
        if let reference = schema["$ref"] as? String, let named = schemas[String(reference.split(separator: "/").last ?? "")] as? [String: Any] {
            schema = named
        }
        name = parameter["name"] as? String ?? ""
        inPath = parameter["in"] as? String == "path"
        isInteger = schema["type"] as? String == "integer"
        allowed = schema["enum"] as? [String]
        isDate = schema["format"] as? String == "date"
        pattern = schema["pattern"] as? String
    }

    /// A well-formed value that names nothing that exists.
    var placeholder: String {
        if isInteger { return "987654" }
        if let allowed, let first = allowed.first { return first }
        if name == "code" { return "460100010012611250000107" }
        return "no-such-\(name)"
    }
}
