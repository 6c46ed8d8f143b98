#!/usr/bin/env python3
"""source-seeds.py - seeds for fuzz/fuzz-source.c from the corpus: every source file, manifest,
lock file and configuration file of corpus/, prefixed with the byte that picks its reader in the
harness. Usage: source-seeds.py OUT_DIR"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the harness: 0..95 sources (byte % 6: python, javascript, typescript, tsx, go, java),
# 96..191 manifests (byte - 96: go.mod, pom.xml, gradle, package.json, requirements, pyproject,
# go.sum, then npm locks by (byte - 96) / 8), 192.. configuration (byte - 192 picks the format)
BY_SUFFIX = [(".py", 0), (".js", 1), (".mjs", 1), (".ts", 2), (".tsx", 3), (".go", 4), (".java", 5)]
BY_NAME = {"go.mod": 96, "pom.xml": 97, "build.gradle": 98, "build.gradle.kts": 98, "package.json": 99,
           "requirements.txt": 100, "pyproject.toml": 101, "go.sum": 102, "package-lock.json": 103,
           "pnpm-lock.yaml": 111, "yarn.lock": 119, ".env": 192, ".env.example": 192,
           "application.properties": 193, "application.yml": 194, "values.yaml": 195,
           "docker-compose.yml": 196, "appsettings.json": 197, "Dockerfile": 198}


def main(out):
    os.makedirs(out, exist_ok=True)
    n = 0
    for base, _, files in os.walk(os.path.join(ROOT, "corpus")):
        for name in files:
            pick = BY_NAME.get(name)
            if pick is None:
                pick = next((p for s, p in BY_SUFFIX if name.endswith(s)), None)
            if pick is None:
                continue
            data = open(os.path.join(base, name), "rb").read()
            if len(data) > 64 * 1024:
                continue
            with open(os.path.join(out, f"seed-{n:05d}"), "wb") as f:
                f.write(bytes([pick]) + data)
            n += 1
    print(n, "seeds")


if __name__ == "__main__":
    main(sys.argv[1])
