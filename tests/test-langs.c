/*
 * test-langs.c - what Go, Java and the JS/TS additions resolve, on small trees written here:
 * packages spread over files, methods and receivers, composite literals, go.mod and tsconfig
 * paths, SDK constants, builder chains, option functions, configuration files, interface calls,
 * dynamic imports, model maps and the entry points of each. A rule file written by the test
 * names the APIs, so these check the mechanisms; the built-in rules are checked on the corpus.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static const char test_rules[] =
	"{\"aibom_rules\": 1, \"language\": \"go\",\n"
	" \"rules\": [\n"
	"  {\"id\": \"t.go.chat\", \"kind\": \"sdk_call\", \"provider\": \"openai\", \"model_type\": \"hosted\",\n"
	"   \"calls\": [\"example.com/sdk.*().Chat\"], \"model\": [{\"arg\": 1, \"key\": \"Model\"}],\n"
	"   \"provider_kw\": [\"WithBaseURL\", \"BaseURL\"]},\n"
	"  {\"id\": \"t.go.new\", \"kind\": \"sdk_call\", \"provider\": \"openai\", \"model_type\": \"hosted\",\n"
	"   \"calls\": [\"example.com/llms.New\"], \"model\": [{\"option\": \"WithModel\"}]},\n"
	"  {\"id\": \"t.go.env\", \"kind\": \"sdk_call\", \"provider\": \"openai\", \"model_type\": \"hosted\",\n"
	"   \"calls\": [\"example.com/sdk.Complete\"], \"model\": [{\"arg\": 0}]}\n"
	" ],\n"
	" \"endpoints\": [{\"contains\": \"api.groq.com\", \"provider\": \"groq\"}],\n"
	" \"constants\": {\"example.com/sdk.GPT4o\": \"gpt-4o\"},\n"
	" \"value_wrappers\": [\"example.com/sdk.String\"],\n"
	" \"env_getters\": [\"os.Getenv\"],\n"
	" \"entry_calls\": [{\"kind\": \"route\", \"framework\": \"net/http\", \"match\": [\"net/http.HandleFunc\"],\n"
	"   \"args\": [{\"arg\": -1}]}]\n"
	"}\n";

static const char java_rules[] =
	"{\"aibom_rules\": 1, \"language\": \"java\",\n"
	" \"rules\": [\n"
	"  {\"id\": \"t.java.builder\", \"kind\": \"sdk_call\", \"provider\": \"openai\", \"model_type\": \"hosted\",\n"
	"   \"calls\": [\"com.sdk.ChatModel.builder()*.build\"], \"model\": [{\"chain\": \"modelName\"}]},\n"
	"  {\"id\": \"t.java.client\", \"kind\": \"sdk_call\", \"provider\": \"sdk\", \"model_type\": \"hosted\",\n"
	"   \"calls\": [\"com.sdk.Client*().call\"],\n"
	"   \"model\": [{\"chain\": \"model\"}, {\"config\": \"app.ai.openai.model\", \"provider\": \"openai\"}]},\n"
	"  {\"id\": \"t.java.ask\", \"kind\": \"sdk_call\", \"provider\": \"sdk\", \"model_type\": \"hosted\",\n"
	"   \"calls\": [\"com.sdk.Client*().ask\"], \"model\": [{\"arg\": 0}]},\n"
	"  {\"id\": \"t.java.stream\", \"kind\": \"sdk_call\", \"provider\": \"sdk\", \"model_type\": \"hosted\",\n"
	"   \"calls\": [\"com.sdk.Client*().stream\"], \"model\": [{\"config\": \"app.ai.other.model\"},\n"
	"   {\"config_prefix\": \"app.ai.anthropic\", \"provider\": \"anthropic\"},\n"
	"   {\"config_prefix\": \"app.ai.openai\", \"provider\": \"openai\"}]},\n"
	"  {\"id\": \"t.java.bundled\", \"kind\": \"model_load\", \"provider\": \"onnx\", \"model_type\": \"huggingface\",\n"
	"   \"calls\": [\"com.sdk.MiniLm\"], \"fixed_model\": \"sentence-transformers/all-MiniLM-L6-v2\"}\n"
	" ],\n"
	" \"constants\": {\"com.sdk.Models.BIG\": \"big-model-1\"},\n"
	" \"constant_accessors\": [\"getValue\"],\n"
	" \"entry_decorators\": [{\"kind\": \"route\", \"framework\": \"spring\",\n"
	"   \"match\": [\"org.springframework.web.bind.annotation.GetMapping(*\"]}],\n"
	" \"entry_shapes\": [{\"kind\": \"main\", \"framework\": \"java\", \"names\": [\"main\"], \"params\": [\"args\"]}]\n"
	"}\n";

static aibom_scan *scan_with(const char *dir, const char *rules_text, const char *db)
{
	aibom_scan_options opts = AIBOM_SCAN_OPTIONS_INIT;
	aibom_scan *scan = NULL;
	char rules[4096];
	const char *files[1];
	int rc;

	snprintf(rules, sizeof(rules), "%s.rules.json", dir);
	write_file("/", rules + 1, rules_text, (size_t)-1);
	files[0] = rules;
	opts.jobs = 2;
	opts.rule_files = files;
	opts.rule_files_count = 1;
	opts.db_path = db;
	rc = aibom_scan_path(&scan, dir, &opts);
	remove(rules);
	ck_assert_msg(rc == 0, "scan failed: %s", aibom_error_last()->message);
	return scan;
}

/* the single value of a one-row, one-column query, as text ("" when NULL) */
static char *query_one(aibom_scan *scan, const char *sql)
{
	aibom_buf out = {0};
	char *r;

	ck_assert_msg(aibom_scan_query(&out, scan, sql) == 0, "query failed: %s", aibom_error_last()->message);
	r = strndup(out.ptr, out.size);
	aibom_buf_dispose(&out);
	return r;
}

START_TEST(go_packages_methods_and_literals)
{
	char *dir = tmpdir_new("go"), *r;
	aibom_scan *scan;
	expect_finding want[] = {
		/* a field typed *sdk.Client, set in no method: an instance of the type; Model from a
		 * constant of the other file of the package */
		{"internal/llm/client.go", 17, "gpt-4o-mini", "constant", "openai", false},
		/* an SDK constant, and the request bound to a name first */
		{"internal/llm/client.go", 22, "gpt-4o", "constant", "openai", false},
		/* a base URL given by an option function decides the provider */
		{"internal/llm/client.go", 27, "llama-3.1-70b", "literal", "groq", false},
		{"internal/llm/client.go", 31, "gpt-4.1", "literal", "openai", false},
		/* a base URL set on a config struct before the client is made from it */
		{"internal/llm/client.go", 38, "mixtral", "literal", "groq", false},
		/* model ids configured but read by no code seen: the root's and the other service's (the
		 * one cmd/api reads is its finding's model, not a finding of its own) */
		{".env", 2, "gpt-3.5-turbo", "literal", "unknown", false},
		{"cmd/batch/.env", 1, "gpt-4.1-nano", "literal", "unknown", false},
		/* os.Getenv of a variable .env files set: the one beside the code, not the root's nor a
		 * sibling service's; a wrapper call is its argument */
		{"cmd/api/main.go", 17, "gpt-4o-2024-08-06", "config:cmd/api/.env:1", NULL, false},
		{"internal/llm/extra.go", 10, "gpt-4o-extra", "literal", "openai", false},
		{NULL, 0, NULL, NULL, NULL, false},
	};

	write_file(dir, "go.mod", "module github.com/acme/svc\n\ngo 1.22\n\nrequire (\n"
		"\tgithub.com/sashabaranov/go-openai v1.36.1\n\tgithub.com/cohere-ai/cohere-go/v2 v2.12.2 // indirect\n"
		"\tgithub.com/gin-gonic/gin v1.10.0\n)\n", (size_t)-1);
	write_file(dir, ".env", "# models\nCHAT_MODEL=gpt-3.5-turbo\n", (size_t)-1);
	write_file(dir, "cmd/api/.env", "CHAT_MODEL=gpt-4o-2024-08-06\n", (size_t)-1);
	write_file(dir, "cmd/batch/.env", "CHAT_MODEL=gpt-4.1-nano\n", (size_t)-1);
	write_file(dir, "internal/llm/models.go", "package llm\n\nconst DefaultModel = \"gpt-4o-mini\"\n", (size_t)-1);
	write_file(dir, "internal/llm/client.go",
		"package llm\n"                                                   /* 1 */
		"\n"
		"import (\n"
		"\t\"context\"\n"
		"\n"
		"\tsdk \"example.com/sdk\"\n"
		"\t\"example.com/sdk/option\"\n"
		"\t\"example.com/llms\"\n"
		")\n"
		"\n"                                                              /* 10 */
		"type Service struct {\n"
		"\tclient *sdk.Client\n"
		"}\n"
		"\n"
		"func (s *Service) Ask(ctx context.Context) {\n"
		"\t_ = ctx\n"
		"\ts.client.Chat(ctx, sdk.Request{Model: DefaultModel})\n"        /* 17 */
		"}\n"
		"\n"
		"func (s *Service) Big(ctx context.Context) {\n"
		"\treq := &sdk.Request{Model: sdk.GPT4o}\n"
		"\ts.client.Chat(ctx, req)\n"                                     /* 22 */
		"}\n"
		"\n"
		"func Groq(ctx context.Context) {\n"
		"\tc := sdk.NewClient(option.WithBaseURL(\"https://api.groq.com/openai/v1\"))\n"
		"\tc.Chat(ctx, sdk.Request{Model: \"llama-3.1-70b\"})\n"          /* 27 */
		"}\n"
		"\n"
		"func Chain() {\n"
		"\tllms.New(llms.WithModel(\"gpt-4.1\"))\n"                       /* 31 */
		"}\n"
		"\n"
		"func Configured(ctx context.Context) {\n"
		"\tcfg := sdk.DefaultConfig(\"key\")\n"
		"\tcfg.BaseURL = \"https://api.groq.com/openai/v1\"\n"
		"\tc := sdk.NewClientWithConfig(cfg)\n"
		"\tc.Chat(ctx, sdk.Request{Model: \"mixtral\"})\n"               /* 38 */
		"}\n", (size_t)-1);
	/* a method declared in another file of the package than its type */
	write_file(dir, "internal/llm/extra.go",
		"package llm\n"
		"\n"
		"import (\n"
		"\t\"context\"\n"
		"\n"
		"\tsdk \"example.com/sdk\"\n"
		")\n"
		"\n"
		"func (s *Service) Extra(ctx context.Context) {\n"
		"\ts.client.Chat(ctx, sdk.Request{Model: \"gpt-4o-extra\"})\n"   /* 10 */
		"}\n", (size_t)-1);
	write_file(dir, "cmd/api/main.go",
		"package main\n"
		"\n"
		"import (\n"
		"\t\"net/http\"\n"
		"\t\"os\"\n"
		"\n"
		"\tsdk \"example.com/sdk\"\n"
		"\t\"github.com/acme/svc/internal/llm\"\n"
		")\n"
		"\n"
		"func main() {\n"
		"\ts := &llm.Service{}\n"
		"\thttp.HandleFunc(\"/ask\", s.Ask)\n"
		"\thttp.HandleFunc(\"/extra\", s.Extra)\n"
		"}\n"
		"\n"
		"func complete() { sdk.Complete(sdk.String(os.Getenv(\"CHAT_MODEL\"))) }\n", (size_t)-1);
	scan = scan_with(dir, test_rules, NULL);
	check_findings(scan, want);
	/* the route registered in main.go is the method of the other package, found through go.mod */
	r = query_one(scan, "SELECT group_concat(d.qualname) FROM entry_points e JOIN definitions d ON d.id = e.def_id "
		"WHERE e.kind = 'route'");
	ck_assert_msg(strstr(r, "Service.Ask") != NULL && strstr(r, "Service.Extra") != NULL, "route entry points: %s", r);
	free(r);
	/* go.mod requirements on the AI list, major versions included, with Go purls */
	r = query_one(scan, "SELECT group_concat(purl, ' ') FROM (SELECT purl FROM libraries ORDER BY purl)");
	ck_assert_msg(strstr(r, "pkg:golang/github.com/sashabaranov/go-openai@v1.36.1") &&
		strstr(r, "pkg:golang/github.com/cohere-ai/cohere-go/v2@v2.12.2") && !strstr(r, "gin"), "libraries: %s", r);
	free(r);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(go_interface_calls_reach_implementations)
{
	char *dir = tmpdir_new("goiface"), *r;
	aibom_scan *scan;

	write_file(dir, "gen.go",
		"package main\n"
		"\n"
		"type Generator interface { Generate(q string) string }\n"
		"type A struct{}\n"
		"func (a A) Generate(q string) string { return q }\n"
		"type B struct{}\n"
		"func (b B) Generate(q string) string { return q }\n"
		"type Only interface { Run() }\n"
		"type C struct{}\n"
		"func (c *C) Run() {}\n"
		"type H struct { gen Generator; only Only }\n"
		"func (h *H) Serve() { h.gen.Generate(\"x\"); h.only.Run() }\n", (size_t)-1);
	/* the built-in entry rules of Go web frameworks: echo's handler is argument 1, fiber's the last */
	write_file(dir, "web.go",
		"package main\n"
		"\n"
		"import (\n"
		"\t\"github.com/gofiber/fiber/v2\"\n"
		"\t\"github.com/labstack/echo/v4\"\n"
		")\n"
		"\n"
		"func hello(c echo.Context) error { return nil }\n"
		"func hi(c *fiber.Ctx) error { return nil }\n"
		"func auth(c *fiber.Ctx) error { return c.Next() }\n"
		"\n"
		"func main() {\n"
		"\te := echo.New()\n"
		"\te.GET(\"/hello\", hello)\n"
		"\tapp := fiber.New()\n"
		"\tapp.Get(\"/hi\", auth, hi)\n"
		"}\n", (size_t)-1);
	scan = scan_with(dir, test_rules, NULL);
	r = query_one(scan, "SELECT group_concat(d.qualname || '/' || e.framework, ' ') FROM entry_points e "
		"JOIN definitions d ON d.id = e.def_id");
	ck_assert_msg(strstr(r, "hello/echo") && strstr(r, "hi/fiber") && !strstr(r, "auth/") && strstr(r, "main/go"),
		"entry points: %s", r);
	free(r);
	r = query_one(scan, "SELECT group_concat(d.qualname || ':' || e.resolution, ' ') FROM edges e "
		"JOIN definitions d ON d.id = e.to_id WHERE e.kind = 'call' ORDER BY 1");
	ck_assert_msg(strstr(r, "A.Generate:heuristic") && strstr(r, "B.Generate:heuristic") && strstr(r, "C.Run:exact"),
		"interface edges: %s", r);
	free(r);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(java_fields_chains_and_configuration)
{
	char *dir = tmpdir_new("java"), *r;
	aibom_scan *scan;
	expect_finding want[] = {
		/* a builder chain across a local variable */
		{"src/main/java/com/acme/app/Factory.java", 9, "small-1", "constant", "openai", false},
		/* a class that bundles its model: the rule names it */
		{"src/main/java/com/acme/app/Factory.java", 11, "sentence-transformers/all-MiniLM-L6-v2", "implied", "onnx", false},
		/* a field set in the constructor, the model from application.yml */
		{"src/main/java/com/acme/app/ChatService.java", 19, "gpt-4o-mini", "config:src/main/resources/application.yml", "openai", false},
		/* options built apart and passed to a step; an SDK constant read through getValue() */
		{"src/main/java/com/acme/app/ChatService.java", 24, "big-model-1", "constant", "sdk", false},
		/* @Value("${app.default-model:fallback-1}") on a field; the key is not configured */
		{"src/main/java/com/acme/app/ChatService.java", 28, "fallback-1", "config_default", "sdk", false},
		/* no model configured for it, but the module configures one provider's keys */
		{"src/main/java/com/acme/app/ChatService.java", 31, NULL, "absent", "openai", false},
		{NULL, 0, NULL, NULL, NULL, false},
	};

	write_file(dir, "pom.xml",
		"<project><properties><lc4j.version>0.35.0</lc4j.version></properties>\n"
		"<dependencies><dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j-open-ai</artifactId>\n"
		"<version>${lc4j.version}</version></dependency>\n"
		"<dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.9</version></dependency>\n"
		"</dependencies></project>\n", (size_t)-1);
	write_file(dir, "src/main/resources/application.yml",
		"app:\n  ai:\n    openai:\n      model: gpt-4o-mini\n", (size_t)-1);
	write_file(dir, "src/main/java/com/acme/app/Factory.java",
		"package com.acme.app;\n"
		"\n"
		"import com.sdk.ChatModel;\n"
		"\n"
		"public class Factory {\n"
		"    static final String SMALL = \"small-1\";\n"
		"    public static Object small() {\n"
		"        var b = ChatModel.builder().modelName(SMALL);\n"
		"        return b.temperature(0.1).build();\n"                       /* 9 */
		"    }\n"
		"    static Object embedder = new com.sdk.MiniLm();\n"              /* 11 */
		"}\n", (size_t)-1);
	write_file(dir, "src/main/java/com/acme/app/ChatService.java",
		"package com.acme.app;\n"
		"\n"
		"import com.sdk.Client;\n"
		"import com.sdk.Options;\n"
		"import com.sdk.Models;\n"
		"import org.springframework.beans.factory.annotation.Value;\n"
		"import org.springframework.web.bind.annotation.GetMapping;\n"
		"\n"
		"public class ChatService {\n"
		"    private final Client client;\n"                                /* 10 */
		"    @Value(\"${app.default-model:fallback-1}\")\n"
		"    private String fallback;\n"
		"\n"
		"    public ChatService(Client.Builder builder) {\n"
		"        this.client = builder.build();\n"
		"    }\n"
		"\n"
		"    @GetMapping(\"/ask\")\n"
		"    public String ask(String q) { return client.prompt().user(q).call().content(); }\n" /* 19 */
		"\n"
		"    public String big(String q) {\n"
		"        Options o = Options.builder().model(Models.BIG.getValue()).build();\n"
		"        Object unused = Factory.small();\n"
		"        return client.prompt().options(o).call().content();\n"     /* 24 */
		"    }\n"
		"\n"
		"    public String fallback(String q) {\n"
		"        return client.ask(fallback);\n"                             /* 28 */
		"    }\n"
		"\n"
		"    public Object stream() { return client.prompt().stream(); }\n"  /* 31 */
		"\n"
		"    public static void main(String[] args) { new ChatService(null).big(\"x\"); }\n"
		"}\n", (size_t)-1);
	scan = scan_with(dir, java_rules, NULL);
	check_findings(scan, want);
	r = query_one(scan, "SELECT group_concat(d.qualname || '/' || e.kind, ' ') FROM entry_points e "
		"JOIN definitions d ON d.id = e.def_id");
	ck_assert_msg(strstr(r, "ChatService.ask/route") && strstr(r, "ChatService.main/main"), "entry points: %s", r);
	free(r);
	r = query_one(scan, "SELECT group_concat(purl, ' ') FROM libraries");
	ck_assert_msg(strstr(r, "pkg:maven/dev.langchain4j/langchain4j-open-ai@0.35.0") && !strstr(r, "slf4j"), "libraries: %s", r);
	free(r);
	/* main -> ChatService() (the constructor) and big -> Factory.small across files of a package */
	r = query_one(scan, "SELECT count(*) FROM edges e JOIN definitions d ON d.id = e.to_id "
		"WHERE e.kind = 'call' AND e.resolution = 'exact' AND d.qualname IN ('ChatService.ChatService', 'Factory.small')");
	ck_assert_msg(strstr(r, "\"count(*)\":2}") != NULL, "exact edges: %s", r);
	free(r);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(ts_paths_dynamic_imports_model_maps_and_actions)
{
	char *dir = tmpdir_new("ts"), *r;
	aibom_scan *scan;
	expect_finding want[] = {
		/* a model looked up by name in a customProvider map */
		{"web/src/lib/ai.ts", 9, "gpt-4o-mini", "factory", "openai", false},
		/* a dynamic import */
		{"web/src/lib/ai.ts", 13, "Xenova/distilbert", "literal", "huggingface", false},
		/* a function with a test double first and a gateway model last; the gateway's id names
		 * the provider */
		{"web/src/lib/models.ts", 9, "google/gemini-2.5-flash-lite", "factory", "google", false},
		{NULL, 0, NULL, NULL, NULL, false},
	};

	write_file(dir, "web/tsconfig.json",
		"{\n  // comments and trailing commas, as tsc allows\n"
		"  \"compilerOptions\": {\"baseUrl\": \".\", \"paths\": {\"@lib/*\": [\"src/lib/*\"],},},\n}\n", (size_t)-1);
	write_file(dir, "web/package.json", "{\"name\": \"web\", \"bin\": {\"ask\": \"dist/cli.js\"},\n"
		" \"dependencies\": {\"ai\": \"^5.0.0\", \"left-pad\": \"1.3.0\"}}\n", (size_t)-1);
	/* the lock file of the folder gives the version the range leaves open */
	write_file(dir, "web/package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\"\": {\"name\": \"web\"},\n"
		" \"node_modules/ai\": {\"version\": \"5.0.60\"}, \"node_modules/left-pad\": {\"version\": \"1.3.0\"}}}\n", (size_t)-1);
	write_file(dir, "web/src/lib/ai.ts",
		"import { customProvider, generateText } from \"ai\";\n"
		"import { openai } from \"@ai-sdk/openai\";\n"
		"\n"
		"const provider = customProvider({\n"
		"  languageModels: { fast: openai(\"gpt-4o-mini\") },\n"
		"});\n"
		"\n"
		"export async function fast(prompt: string) {\n"
		"  return generateText({ model: provider.languageModel(\"fast\"), prompt });\n"  /* 9 */
		"}\n"
		"export async function sentiment(text: string) {\n"
		"  const { pipeline } = await import(\"@huggingface/transformers\");\n"
		"  return pipeline(\"sentiment-analysis\", \"Xenova/distilbert\");\n"          /* 13 */
		"}\n", (size_t)-1);
	write_file(dir, "web/src/lib/models.ts",
		"import { gateway } from \"@ai-sdk/gateway\";\n"
		"import { generateText } from \"ai\";\n"
		"\n"
		"export function titleModel() {\n"
		"  if (process.env.TEST) { return mock(); }\n"
		"  return gateway.languageModel(\"google/gemini-2.5-flash-lite\");\n"
		"}\n"
		"export async function title(p: string) {\n"
		"  return generateText({ model: titleModel(), prompt: p });\n"
		"}\n", (size_t)-1);
	/* a barrel file: the names it re-exports lead to the module that defines them */
	write_file(dir, "web/src/lib/index.ts",
		"export * from \"./ai\";\nexport { fast as quick } from \"./ai\";\n", (size_t)-1);
	write_file(dir, "web/src/app/actions.ts",
		"\"use server\";\n"
		"import { quick } from \"../lib\";\n"
		"export async function ask(q: string) { return quick(q); }\n", (size_t)-1);
	write_file(dir, "web/src/cli.ts", "import { sentiment } from \"./lib\";\nsentiment(process.argv[2]);\n", (size_t)-1);
	/* a Koa route whose handler comes after a middleware */
	write_file(dir, "web/src/koa.ts",
		"import Router from \"@koa/router\";\n"
		"import { fast } from \"@lib/ai\";\n"
		"const router = new Router();\n"
		"const auth = async (ctx: any, next: any) => next();\n"
		"router.post(\"/sum\", auth, async (ctx: any) => { ctx.body = await fast(\"x\"); });\n", (size_t)-1);
	scan = scan_with(dir, "{\"aibom_rules\": 1}", NULL);
	check_findings(scan, want);
	r = query_one(scan, "SELECT group_concat(s.model || '<-' || s.entry_kind, ' ') FROM ("
		"SELECT f.model, e.kind AS entry_kind FROM reach x JOIN findings f ON f.id = x.finding_id "
		"JOIN entry_points e ON e.id = x.entry_id ORDER BY 1, 2) s");
	ck_assert_msg(strstr(r, "gpt-4o-mini<-action") && strstr(r, "Xenova/distilbert<-command"), "reach: %s", r);
	free(r);
	r = query_one(scan, "SELECT group_concat(d.qualname || '/' || e.framework, ' ') FROM entry_points e "
		"JOIN definitions d ON d.id = e.def_id WHERE e.kind = 'route'");
	ck_assert_msg(strstr(r, "<anonymous:5>/koa") != NULL && strstr(r, "auth/koa") == NULL, "routes: %s", r);
	free(r);
	r = query_one(scan, "SELECT group_concat(purl, ' ') FROM libraries");
	ck_assert_msg(strstr(r, "pkg:npm/ai@5.0.60") && !strstr(r, "left-pad"), "libraries: %s", r);
	free(r);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

Suite *langs_suite(void)
{
	Suite *s = suite_create("langs");
	TCase *tc = tcase_create("langs");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, go_packages_methods_and_literals);
	tcase_add_test(tc, go_interface_calls_reach_implementations);
	tcase_add_test(tc, java_fields_chains_and_configuration);
	tcase_add_test(tc, ts_paths_dynamic_imports_model_maps_and_actions);
	suite_add_tcase(s, tc);
	return s;
}
