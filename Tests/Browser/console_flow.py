#!/usr/bin/env python3
"""The admins' console in a real browser (Debian's chromium driven by chromedriver through Selenium).

Run by Tests/EndToEndTests/ConsoleBrowserTests.swift against a live sync-server that holds an open oversold
conflict made by two real `field` devices. As a new admin would, it sets admin's first password with the
bootstrap token, signs in, opens the queue, opens the conflict, voids one sale with a note and checks the page
shows the server entry devices will pull. Before resolving it posts the resolve form without its CSRF token
over plain HTTP and expects 403; after, a node admin of another market opens the conflict by URL and gets the
403 page. Screenshots go to --screenshots when given. Exits non-zero, saying what went wrong, on any failure.
"""
import argparse
import http.cookiejar
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.support.ui import Select, WebDriverWait


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def browser(chromium, chromedriver):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(chromedriver), options=options)


def shot(driver, directory, name):
    if directory:
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(1280, max(800, min(height + 40, 4000)))
        driver.save_screenshot(f"{directory}/console-{name}.png")
        driver.set_window_size(1280, 1000)


def text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def click_and_wait(driver, element, arrived):
    """Clicks a link or a form's submit button and waits (up to 20 s, for a loaded machine) until `arrived(driver)`
    holds on the page it leads to; True if it did."""
    element.click()
    try:
        WebDriverWait(driver, 20, ignored_exceptions=[StaleElementReferenceException]).until(lambda d: arrived(d))
        return True
    except TimeoutException:
        return False


def sign_in(driver, url, name, password):
    driver.get(url + "/console/login")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    button = driver.find_element(By.CSS_SELECTOR, "form button[type=submit]")
    if not click_and_wait(driver, button, lambda d: "/console/login" not in d.current_url):
        fail(f"signing in as {name} failed: {text(driver)}")


def post_without_csrf(url, name, password, path, fields):
    """Signs in over plain HTTP (with the sign-in form's own token), then posts `fields` to `path` without the
    session's CSRF token; returns the status."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(url + "/console/login").read().decode()
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', form).group(1)
    opener.open(url + "/console/login", urllib.parse.urlencode({"csrf": token, "name": name, "password": password}).encode())
    if not any(cookie.name == "tracesync_console" for cookie in jar):
        fail("the plain HTTP sign-in set no session cookie")
    try:
        opener.open(url + path, urllib.parse.urlencode(fields).encode())
    except urllib.error.HTTPError as error:
        return error.code
    return 200


def main():
    parser = argparse.ArgumentParser()
    for name in ("url", "bootstrap-token", "password", "conflict", "void-event", "note", "other-user", "other-password"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--screenshots")
    args = parser.parse_args()
    url, conflict = args.url, args.conflict

    driver = browser(args.chromium, args.chromedriver)
    try:
        # The first password, with the bootstrap token the server printed.
        driver.get(url + "/console/password")
        shot(driver, args.screenshots, "first-password")
        driver.find_element(By.NAME, "bootstrapToken").send_keys(args.bootstrap_token)
        driver.find_element(By.NAME, "newPassword").send_keys(args.password)
        driver.find_element(By.NAME, "repeatPassword").send_keys(args.password)
        button = driver.find_element(By.CSS_SELECTOR, "form button[type=submit]")
        if not click_and_wait(driver, button, lambda d: "密码已设置" in text(d)):
            fail("setting the first password did not say so: " + text(driver))

        sign_in(driver, url, "admin", args.password)
        if "概览" not in text(driver) or "超卖" not in text(driver):
            fail("the overview does not show the oversold conflict: " + text(driver))
        if not driver.find_elements(By.CSS_SELECTOR, "svg rect"):
            fail("the overview draws no chart bars")
        shot(driver, args.screenshots, "overview")

        # A form posted without its CSRF token is refused and changes nothing.
        status = post_without_csrf(url, "admin", args.password, f"/console/conflicts/{conflict}/resolve",
                                   {"action": "accept", "note": "伪造 forged"})
        if status != 403:
            fail(f"a resolve form without its CSRF token answered {status}, not 403")

        # The queue, filtered to oversold conflicts, then the conflict.
        click_and_wait(driver, driver.find_element(By.LINK_TEXT, "冲突 Conflicts"), lambda d: "/console/conflicts" in d.current_url)
        Select(driver.find_element(By.NAME, "kind")).select_by_value("oversold")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"), lambda d: "kind=oversold" in d.current_url)
        shot(driver, args.screenshots, "queue")
        click_and_wait(driver, driver.find_element(By.LINK_TEXT, f"#{conflict}"), lambda d: "批次时间线" in text(d))
        page = text(driver)
        for expected in ("批次时间线", "服务器接收时间", "结存与买方", "张三", "李四", "作废记录"):
            if expected not in page:
                fail(f"the conflict page lacks {expected!r}: {page}")
        if "选定候选值" in page:
            fail("an oversold conflict offers choosing a candidate")
        shot(driver, args.screenshots, "conflict")

        # Void one sale, with a note.
        form = driver.find_element(By.XPATH, "//form[input[@name='action' and @value='void']]")
        Select(form.find_element(By.NAME, "eventId")).select_by_value(args.void_event)
        form.find_element(By.NAME, "note").send_keys(args.note)
        click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"), lambda d: "冲突已处理" in text(d))
        page = text(driver)
        if "冲突已处理" not in page or "设备将拉取的服务器记录" not in page or "server #" not in page:
            fail("after resolving, the page does not show the server entry: " + page)
        shot(driver, args.screenshots, "resolved")

        button = driver.find_element(By.CSS_SELECTOR, "header form button")
        if not click_and_wait(driver, button, lambda d: "/console/login" in d.current_url):
            fail("signing out did not return to the sign-in page")

        # A node admin of another market opening the conflict by its URL.
        sign_in(driver, url, args.other_user, args.other_password)
        driver.get(f"{url}/console/conflicts/{conflict}")
        page = text(driver)
        if "HTTP 403" not in page or "无权" not in page:
            fail("another market's node admin was not refused the conflict: " + page)
        if args.void_event in page:
            fail("the refusal shows the conflict's events")
        shot(driver, args.screenshots, "forbidden")
    finally:
        driver.quit()
    print("ok")


if __name__ == "__main__":
    main()
