import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing
import TestSupport

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

    @Test func regionsAreNamedNotNumbered() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let trace = try await server.send(.get, "/v1/trace/\(sample.childCode)").decoded(PublicTrace.self)
            #expect(trace.stops.first?.region == "460106")
            #expect(trace.stops.first?.regionName == LocalizedText(zh: "海口市龙华区", en: "Longhua District, Haikou City"))
            #expect(trace.origin == LocalizedText(zh: "海口市龙华区", en: "Longhua District, Haikou City"))
            let page = try await server.send(.get, "/t/\(sample.childCode)").text
            #expect(page.contains("批发市场 · 海口市龙华区") && page.contains("wholesale market, Longhua District, Haikou City"))
            #expect(!page.contains("区划") && !page.contains("460106"))
        }
    }

    @Test func theCodeIsShownInGroupsOfFourThatNeverBreak() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let page = try await server.send(.get, "/t/\(sample.childCode)").text
            let groups = stride(from: 0, to: 24, by: 4).map { offset -> String in
                let start = sample.childCode.index(sample.childCode.startIndex, offsetBy: offset)
                return #"<span class="g">"# + sample.childCode[start..<sample.childCode.index(start, offsetBy: 4)] + "</span>"
            }
            #expect(page.contains(groups.joined(separator: " ")))
            #expect(page.contains(".g,.n{white-space:nowrap}"))
            #expect(!page.contains("break-all"))
        }
    }

    @Test func aHeldBatchsBannerNamesTheMarketWithItsPhoneAndAddress() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server) { journal, sample in try TraceSample.failTest(&journal, sample) }
            let trace = try await server.send(.get, "/v1/trace/\(sample.childCode)").decoded(PublicTrace.self)
            #expect(trace.foodSafetyHold && trace.stops.first?.status == .held)
            #expect(trace.stops.first?.phone == "0898-6652 0173" && trace.stops.first?.address == "海口市龙华区南北路 128 号")
            let page = HTMLText.visible(try await server.send(.get, "/t/\(sample.childCode)").text)
            #expect(page.contains("请勿食用，并联系售出的市场：海口市南北水果蔬菜批发市场（电话 0898-6652 0173，地址 海口市龙华区南北路 128 号）"))
            #expect(page.contains("contact the market that sold it: Haikou Nanbei Fruit and Vegetable Wholesale Market (phone 0898-6652 0173"))
        }
    }

    @Test func aDestroyedBatchSaysItFailedAndWhatWasLeftWasDestroyed() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server) { journal, sample in
                try TraceSample.failTest(&journal, sample)
                try TraceSample.destroyTheRest(&journal, sample)
            }
            let trace = try await server.send(.get, "/v1/trace/\(sample.childCode)").decoded(PublicTrace.self)
            #expect(trace.stops.first?.status == .disposed)
            let page = HTMLText.visible(try await server.send(.get, "/t/\(sample.childCode)").text)
            #expect(page.contains("检测不合格，剩余货物已全部销毁") && page.contains("what was left of it has been destroyed"))
            #expect(page.contains("如您手中还有，请勿食用，并联系售出的市场：海口市南北水果蔬菜批发市场（电话 0898-6652 0173"))
            for secret in ["检测不合格，监督销毁", TraceSample.price, TraceSample.buyer] {
                #expect(!page.contains(secret), "the page shows \(secret)")
            }
        }
    }

    @Test func aVoidedSaleSaysTheMarketVoidedIt() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server) { journal, sample in try TraceSample.voidTheSale(&journal, sample) }
            let json = try await server.send(.get, "/v1/trace/\(sample.childCode)")
            #expect(json.status == .notFound)
            #expect(try json.apiError.code == "voided_code")
            let page = try await server.send(.get, "/t/\(sample.childCode)")
            #expect(page.status == .notFound)
            #expect(page.text.contains("这笔销售已被市场作废") && page.text.contains("the market voided this sale"))
            #expect(HTMLText.visible(page.text).contains("请联系海口市南北水果蔬菜批发市场（电话 0898-6652 0173，地址 海口市龙华区南北路 128 号）"))
            #expect(page.text.contains(#"<span class="n">0898-6652 0173</span>"#), "a phone number never breaks across lines")
            #expect(try json.apiError.message.en.contains("contact Haikou Nanbei Fruit and Vegetable Wholesale Market (phone 0898-6652 0173"))
            #expect(!page.text.contains("查无此追溯码"))
        }
    }

    @Test func aRefusedCodeOffersAFormThatLooksTheCodeUpWithoutJavaScript() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let mistyped = TraceSample.mistyped(sample.childCode)
            let page = try await server.send(.get, "/t/\(mistyped)").text
            #expect(page.contains(#"<form action="/t" method="get">"#))
            let filledIn = try #require(HTMLPage.groupsOfFour(mistyped)).joined(separator: " ")
            #expect(page.contains(#"name="code""#) && page.contains(#"value="\#(filledIn)""#))
            #expect(!page.contains("<script"))
            // What the form sends, spaces as `+`: the page of the code.
            let grouped = try TraceCode(parsing: sample.childCode).grouped.replacingOccurrences(of: " ", with: "+")
            let answer = try await server.send(.get, "/t?code=\(grouped)")
            #expect(answer.status == .ok)
            #expect(answer.text.contains("产品追溯") && answer.text.contains("瘦肉精"))
            let again = try await server.send(.get, "/t?code=\(mistyped)")
            #expect(again.status == .badRequest && again.text.contains("追溯码校验位错误"))
            let empty = try await server.send(.get, "/t")
            #expect(empty.status == .ok && empty.text.contains("查询追溯码") && empty.text.contains(#"<form action="/t""#))
        }
    }

    @Test func pagesAllowNoScriptAndSubmitFormsOnlyHere() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            for path in ["/t/\(sample.childCode)", "/t/\(TraceSample.mistyped(sample.childCode))", "/t"] {
                let policy = try await server.send(.get, path).headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'") && policy.contains("form-action 'self'"), "\(path): \(policy)")
                #expect(!policy.contains("script-src"), "\(path): \(policy)")
            }
        }
    }

    @Test func escapingCoversEveryHTMLCharacter() {
        #expect(HTMLPage.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLPage.escape("猪肉 pork") == "猪肉 pork")
    }
}
