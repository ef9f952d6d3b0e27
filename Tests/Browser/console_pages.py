#!/usr/bin/env python3
"""The console's devices, operators, recall, findings, stats, audit and users pages in a real browser (Debian's chromium
driven by chromedriver through Selenium).

Run by Tests/EndToEndTests/ConsolePagesBrowserTests.swift against a live `sync-server serve --demo` with one
enrolled device. Sets admin's first password with the bootstrap token, signs in, opens each page from the header
and checks what it must show, issues an enrollment code for --node on the devices page and saves the QR code as the
browser drew it to --qr-png; prints the page's enrollment line as `ENROLL <line>`. Screenshots go to --screenshots
when given. Exits non-zero, saying what went wrong, on any failure.
"""
import argparse
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.support.ui import Select, WebDriverWait


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def shot(driver, directory, name):
    if directory:
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(1280, max(800, min(height + 40, 4000)))
        driver.save_screenshot(f"{directory}/console-{name}.png")
        driver.set_window_size(1280, 1000)


def click_and_wait(driver, element, arrived):
    """Clicks a link or a form's submit button and waits until `arrived(driver)` holds on the page it leads to; up to
    60 s, since a password check on a machine the whole test suite loads can take that long. True if it did."""
    element.click()
    try:
        WebDriverWait(driver, 60, ignored_exceptions=[StaleElementReferenceException]).until(lambda d: arrived(d))
        return True
    except TimeoutException:
        return False


def open_page(driver, link, must_show, screenshots, name):
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, link), lambda d: all(e in text(d) for e in must_show))
    page = text(driver)
    for expected in must_show:
        if expected not in page:
            fail(f"the {name} page lacks {expected!r}: {page}")
    shot(driver, screenshots, name)
    return page


def main():
    parser = argparse.ArgumentParser()
    for name in ("url", "bootstrap-token", "password", "node", "device", "qr-png"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--screenshots")
    args = parser.parse_args()

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    try:
        driver.get(args.url + "/console/password")
        driver.find_element(By.NAME, "bootstrapToken").send_keys(args.bootstrap_token)
        driver.find_element(By.NAME, "newPassword").send_keys(args.password)
        driver.find_element(By.NAME, "repeatPassword").send_keys(args.password)
        if not click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"),
                              lambda d: "/console/password" not in d.current_url):
            fail("setting the first password failed: " + text(driver))
        driver.get(args.url + "/console/login")
        driver.find_element(By.NAME, "name").send_keys("admin")
        driver.find_element(By.NAME, "password").send_keys(args.password)
        if not click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"),
                              lambda d: "/console/login" not in d.current_url):
            fail("signing in failed: " + text(driver))

        open_page(driver, "设备", ("检测员", "时钟偏差", "已确认序号", args.device, "签发设备注册码"), args.screenshots, "devices")
        form = driver.find_element(By.XPATH, "//form[@action='/console/devices/enroll-code']")
        Select(form.find_element(By.NAME, "node")).select_by_value(args.node)
        if not click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"),
                              lambda d: d.find_elements(By.ID, "enroll-line")):
            fail("issuing an enrollment code failed: " + text(driver))
        line = driver.find_element(By.ID, "enroll-line").text
        code = driver.find_element(By.ID, "enroll-code").text
        if not line.startswith("field enroll " + args.url + " ") or not line.endswith(" " + code):
            fail(f"the enrollment line {line!r} does not carry the server URL and the code {code!r}")
        driver.find_element(By.CSS_SELECTOR, "#enroll-qr svg").screenshot(args.qr_png)
        shot(driver, args.screenshots, "enroll-code")
        print("ENROLL " + line)

        open_page(driver, "经营者", ("合并的别名", "身份证号", "显示完整号码"), args.screenshots, "operators")
        open_page(driver, "召回", ("任意追溯码",), args.screenshots, "recall")
        open_page(driver, "核查发现", ("严重程度", "下载 CSV"), args.screenshots, "findings")
        if not driver.find_elements(By.CSS_SELECTOR, "form#finding-filters select[name=check] option[value=batch_balance]"):
            fail("the findings page lacks its check filter: " + text(driver))
        open_page(driver, "统计与导出", ("未处理冲突", "沉默设备", "CSV sales", "EPCIS 2.0"), args.screenshots, "stats")
        open_page(driver, "审计", ("审计链完整", "device.enroll", "enroll_code.issue"), args.screenshots, "audit")
        open_page(driver, "用户", ("admin", "添加用户", "重设密码"), args.screenshots, "users")
    finally:
        driver.quit()
    print("ok")


if __name__ == "__main__":
    main()
