#!/usr/bin/env python3
"""A shopper's complaint in a real browser (Debian's chromium driven by chromedriver through Selenium).

Run by Tests/EndToEndTests/ComplaintBrowserTests.swift against a live sync-server on which a real `field` device
sold goods with the trace code --code. As a shopper would, it opens the code's public page, unfolds the complaint
form, first types markup (which is refused with the form filled in again), then files the complaint with a phone
number and reads the receipt number off the receipt page. Then the selling node's admin signs in to the console,
finds the complaint in the queue, sees the trace and the masked phone, and answers it; the shopper's receipt page
shows the answer. Last, another market's node admin signs in and does not see the complaint, and gets 403 opening
it by URL. Prints `receipt: TS-…` and `id: N`; exits non-zero, saying what went wrong, on any failure.
"""
import argparse
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.support.ui import Select, WebDriverWait


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def browser(chromium, chromedriver, phone):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    size = "390,844" if phone else "1280,1000"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={size}", "--lang=zh-CN"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(chromedriver), options=options)


def shot(driver, directory, name):
    if directory:
        driver.save_screenshot(f"{directory}/complaint-{name}.png")


def text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def wait(driver):
    """Waits up to 60 s (a loaded machine); a page element that went stale because the page was replaced while it
    was read only means the new page is arriving: look again."""
    return WebDriverWait(driver, 60, ignored_exceptions=[StaleElementReferenceException])


def submit_and_wait(driver, button, arrived):
    """Clicks a form's submit button and waits (up to 60 s, for a loaded machine) until `arrived(driver)` holds."""
    button.click()
    try:
        wait(driver).until(lambda d: arrived(d))
        return True
    except TimeoutException:
        return False


def sign_in(driver, url, name, password):
    driver.delete_all_cookies()
    driver.get(url + "/console/login")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    button = driver.find_element(By.CSS_SELECTOR, "form button[type=submit]")
    if not submit_and_wait(driver, button, lambda d: "/console/login" not in d.current_url):
        fail(f"signing in as {name} failed: {text(driver)}")


def main():
    parser = argparse.ArgumentParser()
    for name in ("url", "code", "phone", "own-user", "own-password", "other-user", "other-password"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--screenshots")
    args = parser.parse_args()
    url, code = args.url, args.code
    complaint_text = "昨天买的肉回家就有异味，请核查。"
    reply = "已核查该批次并下架，请凭收据到市场办公室退款。"

    # The shopper, on a phone-sized window.
    shopper = browser(args.chromium, args.chromedriver, phone=True)
    try:
        shopper.get(f"{url}/t/{code}")
        if "产品追溯" not in text(shopper) or "反映问题" not in text(shopper):
            fail("the trace page has no complaint form: " + text(shopper))
        shopper.find_element(By.CSS_SELECTOR, "details#complaint summary").click()
        Select(shopper.find_element(By.NAME, "category")).select_by_value("spoiled")
        shopper.find_element(By.NAME, "text").send_keys("<b>有异味</b>")
        shot(shopper, args.screenshots, "form")
        button = shopper.find_element(By.CSS_SELECTOR, "details#complaint button[type=submit]")
        if not submit_and_wait(shopper, button, lambda d: "投诉未提交" in text(d)):
            fail("text with markup was not refused: " + text(shopper))
        page = text(shopper)
        for expected in ("不能包含 HTML 标记", "cannot hold HTML markup", "未保存任何内容"):
            if expected not in page:
                fail(f"the refusal lacks {expected!r}: {page}")
        field = shopper.find_element(By.NAME, "text")
        if field.get_attribute("value") != "<b>有异味</b>":
            fail("the refused form did not come back with what was typed: " + repr(field.get_attribute("value")))
        shot(shopper, args.screenshots, "refused")

        field.clear()
        field.send_keys(complaint_text)
        if Select(shopper.find_element(By.NAME, "category")).first_selected_option.get_attribute("value") != "spoiled":
            fail("the refused form lost the chosen category")
        shopper.find_element(By.NAME, "phone").send_keys(args.phone)
        button = shopper.find_element(By.CSS_SELECTOR, "form button[type=submit]")
        if not submit_and_wait(shopper, button, lambda d: "/complaints/TS-" in d.current_url):
            fail("filing the complaint did not lead to its receipt: " + text(shopper))
        receipt = shopper.find_element(By.ID, "receipt").text.strip()
        if not re.fullmatch(r"TS-[0-9A-HJKMNP-TV-Z]{10}", receipt) or not shopper.current_url.endswith(receipt):
            fail(f"the receipt page shows {receipt!r} at {shopper.current_url}")
        receipt_url = shopper.current_url
        page = text(shopper)
        if "已收到" not in page or complaint_text not in page:
            fail("the receipt page does not show the complaint as received: " + page)
        digits = re.sub(r"\D", "", args.phone)
        if digits in shopper.page_source or args.phone in shopper.page_source:
            fail("the receipt page shows the phone number")
        shot(shopper, args.screenshots, "receipt")
        print("receipt: " + receipt, flush=True)
    finally:
        shopper.quit()

    admin = browser(args.chromium, args.chromedriver, phone=False)
    try:
        # The selling node's admin finds it in the queue and answers it.
        sign_in(admin, url, args.own_user, args.own_password)
        admin.find_element(By.LINK_TEXT, "投诉 Complaints").click()
        wait(admin).until(lambda d: "/console/complaints" in d.current_url)
        if receipt not in text(admin):
            fail(f"{receipt} is not in {args.own_user}'s queue: {text(admin)}")
        shot(admin, args.screenshots, "queue")
        row = admin.find_element(By.XPATH, f"//tr[td[contains(., '{receipt}')]]")
        link = row.find_element(By.CSS_SELECTOR, "a[href^='/console/complaints/']")
        complaint_id = link.get_attribute("href").rsplit("/", 1)[-1]
        link.click()
        wait(admin).until(lambda d: "提交时的追溯信息" in text(d))
        page = text(admin)
        for expected in (complaint_text, "变质/异味", digits[:3] + "****" + digits[-4:]):
            if expected not in page:
                fail(f"the complaint's page lacks {expected!r}: {page}")
        if digits in admin.page_source or args.phone in admin.page_source:
            fail("the console shows the phone number in clear")
        form = admin.find_element(By.XPATH, f"//form[@action='/console/complaints/{complaint_id}']")
        Select(form.find_element(By.NAME, "status")).select_by_value("answered")
        form.find_element(By.NAME, "reply").send_keys(reply)
        Select(form.find_element(By.NAME, "upheld")).select_by_value("yes")
        shot(admin, args.screenshots, "answer")
        if not submit_and_wait(admin, form.find_element(By.CSS_SELECTOR, "button[type=submit]"), lambda d: "已保存" in text(d)):
            fail("answering did not say it was saved: " + text(admin))
        print("id: " + complaint_id, flush=True)

        # The shopper's receipt page shows the answer.
        admin.delete_all_cookies()
        admin.get(receipt_url)
        page = text(admin)
        if "已答复" not in page or reply not in page:
            fail("the receipt page does not show the answer: " + page)
        shot(admin, args.screenshots, "answered")

        # Another market's node admin does not see it, and may not open it.
        sign_in(admin, url, args.other_user, args.other_password)
        admin.get(url + "/console/complaints?status=")
        if receipt in text(admin):
            fail(f"{receipt} is in {args.other_user}'s queue")
        admin.get(f"{url}/console/complaints/{complaint_id}")
        if "无权" not in text(admin) or complaint_text in text(admin):
            fail(f"{args.other_user} opened the complaint by URL: {text(admin)}")
    finally:
        admin.quit()


if __name__ == "__main__":
    main()
