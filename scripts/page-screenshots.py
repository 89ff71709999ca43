#!/usr/bin/env python3
"""Screenshots of the pages for README (headless Chromium through Selenium).

usage: page-screenshots.py OUTPUT_DIR DOCS_DIR [--driver /usr/bin/chromedriver]
       page-screenshots.py OUTPUT_DIR DOCS_DIR --shot PAGE#ANCHOR WIDTH HEIGHT FILE
Writes DOCS_DIR/page-overview-1400.png, page-overview-360.png, page-lab-1400.png,
page-lab-360.png, page-experiment-en.png and page-experiment-ko.png.
"""
import os, sys, time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

SHOTS = [
    ("index.html", None, 1400, 1000, "page-overview-1400.png"),
    ("index.html", None, 360, 780, "page-overview-360.png"),
    ("seeds-quadratic/lab.html", None, 1400, 900, "page-lab-1400.png"),
    ("seeds-quadratic/lab.html", None, 360, 1400, "page-lab-360.png"),
    ("index.html", "experiment-seeds-quadratic", 1400, 1400, "page-experiment-en.png"),
    ("index.html", "experiment-ko-seeds-derivative", 1400, 1400, "page-experiment-ko.png"),
]


def shoot(driver, root, page, anchor, width, height, path):
    driver.set_window_size(width, height)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.get("file://" + os.path.abspath(os.path.join(root, page)))
    driver.execute_script("document.querySelectorAll('img').forEach(i => i.loading = 'eager');")
    for _ in range(100):
        if driver.execute_script("return Array.from(document.images).every(i => i.complete);"):
            break
        time.sleep(0.1)
    if anchor:
        driver.execute_script(f"document.getElementById('{anchor}').scrollIntoView();")
    time.sleep(0.3)
    if not driver.save_screenshot(path):
        sys.exit(f"could not write {path}")
    print("wrote", path)


def main():
    args = sys.argv[1:]
    driver_path = "/usr/bin/chromedriver"
    if "--driver" in args:
        k = args.index("--driver"); driver_path = args[k + 1]; del args[k:k + 2]
    root, docs = args[0], args[1]
    os.makedirs(docs, exist_ok=True)
    shots = SHOTS
    if "--shot" in args:
        k = args.index("--shot")
        page, _, anchor = args[k + 1].partition("#")
        shots = [(page, anchor or None, int(args[k + 2]), int(args[k + 3]), args[k + 4])]
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        for page, anchor, width, height, name in shots:
            shoot(driver, root, page, anchor, width, height, os.path.join(docs, name))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
