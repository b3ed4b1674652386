-- wrk script: POST a login (email and password from the environment).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"email":"%s","password":"%s"}', os.getenv("BENCH_EMAIL"),
                         os.getenv("BENCH_PASSWORD"))
