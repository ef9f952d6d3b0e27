import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
@testable import SyncServer
import Testing

/// `GET /v1/trace/{code}` and `GET /t/{code}`: the consumer's lookup, without login.
@Suite struct PublicTraceRouteTests {
    @Test func aChildCodeShowsItsBatchWithoutPricesOrBuyers() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let response = try await server.send(.get, "/v1/trace/\(sample.childCode)")
            #expect(response.status == .ok)
            let trace = try response.decoded(PublicTrace.self)
            #expect(trace.code == sample.childCode)
            #expect(trace.originCode == "460106")
            #expect(trace.stops.count == 1)
            #expect(trace.stops.first?.inspections.map(\.item) == ["瘦肉精"])
            #expect(trace.foodSafetyHold == false)
            for secret in [TraceSample.price, TraceSample.buyer, "OP-46010001", "符永清", "deviceId"] {
                #expect(!response.text.contains(secret), "the public trace shows \(secret)")
            }
        }
    }

    @Test func aCodeWrittenWithSpacesIsFound() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let grouped = try TraceCode(parsing: sample.childCode).grouped.replacingOccurrences(of: " ", with: "%20")
            #expect(try await server.send(.get, "/v1/trace/\(grouped)").status == .ok)
        }
    }

    @Test func thePageShowsTheChainInChineseThenEnglish() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let response = try await server.send(.get, "/t/\(sample.childCode)")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let page = response.text
            #expect(page.contains(#"<meta name="viewport""#))
            #expect(!page.contains("<script"))
            #expect(page.contains("产品追溯") && page.contains("Product trace"))
            #expect(page.contains("海口市南北水果蔬菜批发市场"))
            #expect(page.contains("瘦肉精") && page.contains("合格 Pass"))
            #expect(!page.contains("食品安全暂扣"))
            for secret in [TraceSample.price, TraceSample.buyer, "OP-46010001", "符永清"] {
                #expect(!page.contains(secret), "the page shows \(secret)")
            }
        }
    }

    @Test func anUnknownCodeIsA404() async throws {
        try await withServer { server in
            let unknown = TraceCode.make(node: "46010001", deviceNumber: 9, date: "261124", serial: 77).digits
            let json = try await server.send(.get, "/v1/trace/\(unknown)")
            #expect(json.status == .notFound)
            #expect(try json.apiError.code == "unknown_code")
            let page = try await server.send(.get, "/t/\(unknown)")
            #expect(page.status == .notFound)
            #expect(page.text.contains("查无此追溯码") && page.text.contains("trace code not found"))
        }
    }

    @Test func aMistypedCodeIsA400ThatSaysToRetype() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let mistyped = TraceSample.mistyped(sample.childCode)
            let json = try await server.send(.get, "/v1/trace/\(mistyped)")
            #expect(json.status == .badRequest)
            #expect(try json.apiError.code == "trace_code_check")
            let page = try await server.send(.get, "/t/\(mistyped)")
            #expect(page.status == .badRequest)
            #expect(page.text.contains("追溯码校验位错误 / trace code check digits do not match"))
            #expect(page.text.contains("重新输入") && page.text.contains("re-type"))
        }
    }

    @Test(arguments: ["12345", "abcdefabcdefabcdefabcdef"])
    func aMalformedCodeIsA400(code: String) async throws {
        try await withServer { server in
            let json = try await server.send(.get, "/v1/trace/\(code)")
            #expect(json.status == .badRequest)
            #expect(try json.apiError.code == "trace_code_format")
            let page = try await server.send(.get, "/t/\(code)")
            #expect(page.status == .badRequest)
            #expect(page.text.contains("追溯码格式错误"))
        }
    }

    @Test func whatWasTypedIsEscapedOnThePage() async throws {
        try await withServer { server in
            let page = try await server.send(.get, "/t/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(page.status == .badRequest)
            #expect(!page.text.contains("<script>"))
            #expect(page.text.contains("&lt;script&gt;"))
        }
    }

    @Test func escapingCoversEveryHTMLCharacter() {
        #expect(HTMLPage.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLPage.escape("猪肉 pork") == "猪肉 pork")
    }
}
