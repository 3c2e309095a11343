"""How fast a film page is served: static nginx, nginx's proxy cache, gunicorn, floor.

Usage: .venv/bin/python bench/page_speed.py [--seconds 10] [--connections 16]

Builds a small catalogue with real stories in a temporary data folder, then
loads four addresses with wrk, after a warm-up each, and prints one line per
result (requests/s, p99, ratio to its baseline, page size, cores):

  (a) the rendered film page as a static file from nginx: the limit;
  (b) the film page through nginx with deploy/nginx.conf's proxy cache,
      in front of gunicorn; target >= 50% of (a);
  (c) the film page from gunicorn directly (Django's page cache); target
      >= 70% of (d);
  (d) a trivial Django view returning the same bytes, same gunicorn: the floor.

Needs wrk and nginx (scripts/browser_deps.sh installs them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.wrk import (  # noqa: E402
    free_port,
    run_wrk,
    start_gunicorn,
    stop_group,
    wrk_command,
)

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="per run (10)")
    parser.add_argument("--connections", type=int, default=16, help="wrk -c (16)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds before each (2)")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn (cores+1)")
    args = parser.parse_args()
    for tool in ("wrk", NGINX):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing; run scripts/browser_deps.sh first.")
    work = Path(tempfile.mkdtemp(prefix="plotguide-page-speed-"))
    os.environ["PLOTGUIDE_DATA_DIR"] = str(work / "data")
    # The embedded default is measured, in its own folder, whatever the caller's
    # database: the bench writes films and must never touch a real catalogue.
    os.environ.pop("PLOTGUIDE_DATABASE_URL", None)
    slug = build_site()
    page_path = f"/films/{slug}/"
    page = render(page_path)
    static_root = work / "static"
    (static_root / page_path.strip("/")).mkdir(parents=True)
    (static_root / page_path.strip("/") / "index.html").write_bytes(page)
    floor_file = work / "floor.html"
    floor_file.write_bytes(page)

    cores = os.cpu_count() or 1
    app_port, static_port, proxy_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.page_speed_settings",
        "PLOTGUIDE_BENCH_FLOOR_FILE": str(floor_file),
        "PYTHONPATH": str(ROOT),
    }
    gunicorn = start_gunicorn(app_port, args.workers, env)
    conf = write_nginx_conf(work, static_root, static_port, proxy_port, app_port)
    nginx = subprocess.Popen(
        [NGINX, "-p", str(work), "-c", str(conf), "-g", "daemon off;"]
    )
    try:
        targets = {
            "a_static_nginx": f"http://127.0.0.1:{static_port}{page_path}",
            "b_nginx_proxy_cache": f"http://127.0.0.1:{proxy_port}{page_path}",
            "c_gunicorn_film_page": f"http://127.0.0.1:{app_port}{page_path}",
            "d_gunicorn_trivial_view": f"http://127.0.0.1:{app_port}/bench/floor/",
        }
        for name in sorted(targets, reverse=True):  # gunicorn before nginx
            wait_for(targets[name])
        bodies = {name: fetch(url)[0] for name, url in targets.items()}
        if len(set(bodies.values())) != 1:
            sys.exit("The four addresses did not serve the same bytes; see above.")
        results = {
            name: measure(url, args.seconds, args.connections, args.warmup)
            for name, url in targets.items()
        }
        _, headers = fetch(targets["b_nginx_proxy_cache"])
        print(
            f"# page {page_path}: {len(page):,} bytes; nginx cache after warm-up: "
            f"{headers.get('X-Cache-Status')}; cores {cores}; "
            f"wrk -c{args.connections} -d{args.seconds}s"
        )
        baselines = {
            "a_static_nginx": "a_static_nginx",
            "b_nginx_proxy_cache": "a_static_nginx",
            "c_gunicorn_film_page": "d_gunicorn_trivial_view",
            "d_gunicorn_trivial_view": "d_gunicorn_trivial_view",
        }
        for name, (rate, p99) in results.items():
            ratio = rate / results[baselines[name]][0]
            print(
                f"{name:26} {rate:10,.0f} req/s  p99 {p99:7.2f} ms  "
                f"ratio {ratio:5.2f} of {baselines[name][0]}  "
                f"size {len(page)} B  cores {cores}"
            )
        b_ok = results["b_nginx_proxy_cache"][0] >= 0.5 * results["a_static_nginx"][0]
        c_ok = (
            results["c_gunicorn_film_page"][0]
            >= 0.7 * results["d_gunicorn_trivial_view"][0]
        )
        print(
            f"targets: (b) >= 50% of (a): {'met' if b_ok else 'MISSED'}; "
            f"(c) >= 70% of (d): {'met' if c_ok else 'MISSED'}"
        )
        return 0
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        stop_group(gunicorn)
        shutil.rmtree(work, ignore_errors=True)


def build_site() -> str:
    """Create the database and publish Rush with two similar films; return its slug."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from tests.site.factories import StoryBuilder, link_similar, make_film

    call_command("migrate", verbosity=0)
    builder = StoryBuilder()
    rush = make_film("rush")
    story = builder.publish(rush)
    others = [make_film("serpico"), make_film("donnie")]
    for other in others:
        builder.publish(other)
    link_similar(story, others)
    return rush.slug


def render(path: str) -> bytes:
    from django.test import Client

    response = Client().get(path)
    assert response.status_code == 200, response.status_code
    return response.content


def write_nginx_conf(
    work: Path, static_root: Path, static_port: int, proxy_port: int, app_port: int
) -> Path:
    """Write nginx.conf: a static server, and deploy/nginx.conf with local ports."""
    deploy = (ROOT / "deploy" / "nginx.conf").read_text()
    deploy = (
        deploy.replace("listen 80;", f"listen 127.0.0.1:{proxy_port};")
        .replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
        .replace("/var/cache/nginx/plotguide", str(work / "nginx-cache"))
    )
    (work / "plotguide.conf").write_text(deploy)
    (work / "logs").mkdir(exist_ok=True)
    user = "user root;" if os.geteuid() == 0 else ""
    conf = work / "nginx.conf"
    conf.write_text(
        f"""{user}
worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    client_body_temp_path {work}/client_temp;
    proxy_temp_path {work}/proxy_temp;
    fastcgi_temp_path {work}/fastcgi_temp;
    uwsgi_temp_path {work}/uwsgi_temp;
    scgi_temp_path {work}/scgi_temp;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{static_port};
        root {static_root};
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
    include {work}/plotguide.conf;
}}
"""
    )
    return conf


def fetch(url: str) -> tuple[bytes, dict[str, str]]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), dict(response.headers)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            fetch(url)
            return
        except urllib.error.HTTPError:
            raise
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def measure(
    url: str, seconds: int, connections: int, warmup: int
) -> tuple[float, float]:
    """Warm up, then load the URL; return (requests per second, p99 in ms)."""
    run_wrk(wrk_command(url, warmup, connections))
    result = run_wrk(wrk_command(url, seconds, connections))
    if result.failures:
        sys.exit(f"{url} answered {result.failures} errors under load.")
    return result.requests_per_second, result.p99_ms


if __name__ == "__main__":
    raise SystemExit(main())
