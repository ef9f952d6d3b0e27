import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// Validates EPCIS documents against GS1's EPCIS 2.0 JSON Schema (draft-07) with Python's `jsonschema`, as CI does.
///
/// The schema is `../shared/epcis/EPCIS-JSON-Schema.json` from the package root. A missing schema, `python3` or
/// `jsonschema` is an error that fails the test, never a skip: an export nobody validated must not pass.
/// Formats are checked too; where the optional `rfc3987` / `rfc3339-validator` packages are absent, a plain
/// RFC 3986 / RFC 3339 pattern stands in, so `uri` and `date-time` are never silently unchecked.
enum EPCISSchemaCheck {
    /// The schema file, found from this file's path.
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/epcis/EPCIS-JSON-Schema.json").standardizedFileURL

    /// Why validation could not run.
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// The schema violations of `document`, one line each (`/json/pointer: message`); empty when it is valid.
    /// - Throws: `Unavailable` when the schema, `python3` or `jsonschema` is missing.
    static func violations(of document: JSONValue) throws -> [String] {
        guard FileManager.default.fileExists(atPath: schemaURL.path) else {
            throw Unavailable(description: "GS1's EPCIS schema is missing at \(schemaURL.path): restore /work/shared/epcis/EPCIS-JSON-Schema.json (gs1/EPCIS, commit 2b888be).")
        }
        return try withTemporaryDirectory { directory in
            let documentURL = directory.appendingPathComponent("epcis-document.json")
            try document.canonicalData.write(to: documentURL)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, schemaURL.path, documentURL.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            do { try process.run() } catch {
                throw Unavailable(description: "cannot run python3 to validate the EPCIS document: \(error). Install Python 3 and `python3 -m pip install jsonschema`.")
            }
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            switch process.terminationStatus {
            case 0: return []
            case 1: return text.split(separator: "\n").map(String.init)
            default:
                throw Unavailable(description: "schema validation did not run (python3 exit \(process.terminationStatus)):\n\(text)")
            }
        }
    }

    /// Exit 0 valid, 1 invalid (violations on stdout), 3 `jsonschema` missing, anything else a crash.
    private static let script = #"""
        import json, re, sys
        try:
            import jsonschema
        except ImportError as error:
            print("python3 cannot import jsonschema (%s): install it with `python3 -m pip install jsonschema`." % error)
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

extension JSONValue {
    /// The text of a string value (test helper for reading EPCIS documents).
    var epcisText: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The elements of an array value.
    var epcisItems: [JSONValue] {
        guard case .array(let items) = self else { return [] }
        return items
    }

    /// The events of an EPCIS document, in order.
    var epcisEvents: [JSONValue] { self["epcisBody"]?["eventList"]?.epcisItems ?? [] }

    /// This value without member `key` (for breaking a document on purpose).
    func epcisRemoving(_ key: String) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = nil
        return .object(members)
    }
}
