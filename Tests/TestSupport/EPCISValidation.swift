public import Foundation
public import SyncCore

/// Validates an EPCIS document file against GS1's EPCIS 2.0 JSON Schema (`/work/shared/epcis/EPCIS-JSON-Schema.json`,
/// draft-07) with `python3` and `jsonschema`. A missing schema, `python3` or `jsonschema` throws: a test that needs
/// this check fails rather than skips.
public enum EPCISValidation {
    /// The schema, beside the package: `../shared/epcis/EPCIS-JSON-Schema.json`.
    public static let schemaURL = Executables.packageRoot
        .appendingPathComponent("../shared/epcis/EPCIS-JSON-Schema.json").standardizedFileURL

    /// The violations of the document in `file`, one line each; empty when it is valid.
    public static func violations(ofFile file: URL) async throws -> [String] {
        guard FileManager.default.fileExists(atPath: schemaURL.path) else {
            throw HarnessError("GS1's EPCIS schema is missing at \(schemaURL.path)")
        }
        let result = try await ProcessRun.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, schemaURL.path, file.path],
            in: file.deletingLastPathComponent()
        )
        switch result.status {
        case 0: return []
        case 1: return result.stdout.split(separator: "\n").map(String.init)
        default: throw HarnessError("EPCIS schema validation did not run:\n\(result)")
        }
    }

    /// The violations of `document`, one line each (`/json/pointer: message`); empty when it is valid.
    public static func violations(of document: JSONValue) async throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("epcis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("epcis-document.json")
        try document.canonicalData.write(to: file)
        return try await violations(ofFile: file)
    }

    /// Exit 0 valid, 1 invalid (violations on stdout, sorted by pointer), 3 `jsonschema` missing. Formats are
    /// checked too; where the optional `rfc3987` / `rfc3339-validator` packages are absent, a plain RFC 3986 /
    /// RFC 3339 pattern stands in, so `uri` and `date-time` are never silently unchecked.
    private static let script = #"""
        import json, re, sys
        try:
            import jsonschema
        except ImportError as error:
            print("python3 cannot import jsonschema (%s): python3 -m pip install jsonschema" % error)
            sys.exit(3)
        with open(sys.argv[1], encoding="utf-8") as file:
            schema = json.load(file)
        with open(sys.argv[2], encoding="utf-8") as file:
            document = json.load(file)
        jsonschema.Draft7Validator.check_schema(schema)
        checker = jsonschema.FormatChecker()
        if "uri" not in checker.checkers:
            uri = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]*\Z")
            checker.checks("uri")(lambda value: not isinstance(value, str) or uri.match(value) is not None)
        if "date-time" not in checker.checkers:
            stamp = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\Z")
            checker.checks("date-time")(lambda value: not isinstance(value, str) or stamp.match(value) is not None)
        validator = jsonschema.Draft7Validator(schema, format_checker=checker)
        errors = sorted(validator.iter_errors(document), key=lambda error: [str(part) for part in error.absolute_path])
        for error in errors:
            print("/" + "/".join(str(part) for part in error.absolute_path) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """#
}
