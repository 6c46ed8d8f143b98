/*
 * test-ecosystems.c - go.mod and go.sum, pom.xml, build.gradle(.kts), the npm lock files
 * (package-lock.json, pnpm-lock.yaml, yarn.lock) and filling versions from locks; damaged and
 * hostile input (truncated at every byte, garbage, binary, deep nesting) never crashes and
 * keeps what came before the damage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "manifest/ecosystems.h"

Suite *ecosystems_suite(void);

/* A string literal and its length */
#define LIT(s) s, sizeof(s) - 1

static const aibom_dependency *find(const aibom_vec *v, aibom_ecosystem eco, const char *name, const char *version)
{
	size_t i;
	for (i = 0; i < v->count; i++) {
		const aibom_dependency *d = aibom_vec__at(v, aibom_dependency, i);
		if (d->eco == eco && !strcmp(d->name, name) &&
		    (version == NULL || (d->version && !strcmp(d->version, version))))
			return d;
	}
	return NULL;
}

static size_t count_named(const aibom_vec *v, const char *name)
{
	size_t i, n = 0;
	for (i = 0; i < v->count; i++)
		n += !strcmp(aibom_vec__at(v, aibom_dependency, i)->name, name);
	return n;
}

static void free_deps(aibom_vec *v)
{
	size_t i;
	for (i = 0; i < v->count; i++)
		aibom_dependency__free(aibom_vec__at(v, aibom_dependency, i));
	aibom_vec__free(v);
}

/* Every item is well formed: a name, a spec, and a version only when it is exact. */
static void assert_sane(const aibom_vec *v)
{
	size_t i;
	for (i = 0; i < v->count; i++) {
		const aibom_dependency *d = aibom_vec__at(v, aibom_dependency, i);
		ck_assert_ptr_nonnull(d->name);
		ck_assert_ptr_nonnull(d->spec);
		ck_assert(d->name[0] != '\0');
		if (d->version)
			ck_assert(d->version[0] != '\0');
	}
}

enum { P_GOMOD, P_GOSUM, P_POM, P_GRADLE, P_PKGLOCK, P_PNPM, P_YARN, P_COUNT };

static int run(int parser, aibom_vec *out, const char *text, size_t len)
{
	switch (parser) {
	case P_GOMOD: {
		char *path = aibom_manifest__go_module_path(text, len);
		free(path);
		return aibom_manifest__go_mod(out, text, len);
	}
	case P_GOSUM:
		return aibom_manifest__go_sum(out, text, len);
	case P_POM:
		return aibom_manifest__pom(out, text, len);
	case P_GRADLE:
		return aibom_manifest__gradle(out, text, len);
	case P_PKGLOCK:
		return aibom_manifest__npm_lock(out, "package-lock.json", text, len);
	case P_PNPM:
		return aibom_manifest__npm_lock(out, "pnpm-lock.yaml", text, len);
	default:
		return aibom_manifest__npm_lock(out, "yarn.lock", text, len);
	}
}

/* Parse TEXT cut at every length (in a fresh allocation, so a read past the end is caught):
 * never an error, never a malformed item. */
static void every_prefix(int parser, const char *text)
{
	size_t len = strlen(text), n;
	for (n = 0; n <= len; n++) {
		aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
		char *copy = malloc(n ? n : 1);
		ck_assert_ptr_nonnull(copy);
		memcpy(copy, text, n);
		ck_assert_int_eq(run(parser, &v, copy, n), 0);
		assert_sane(&v);
		free_deps(&v);
		free(copy);
	}
}

/* ---- Go */

static const char go_mod[] =
	"// a comment\n"
	"module github.com/Example/Chat-Svc\n"
	"\n"
	"go 1.22\n"
	"toolchain go1.22.3\n"
	"\n"
	"require github.com/sashabaranov/go-openai v1.28.2\n"
	"\n"
	"require (\n"
	"\tgithub.com/anthropics/anthropic-sdk-go v0.2.0-alpha.4\n"
	"\tgithub.com/tmc/langchaingo v0.1.12 // indirect\n"
	"\t\"github.com/quoted/mod\" v1.0.0\n"
	"\tgolang.org/x/sys v0.0.0-20240312152122-5f08fbd34913 // indirect; pinned by x\n"
	"\tgithub.com/old/thing v2.0.0+incompatible // not indirect\n"
	")\n"
	"\n"
	"replace github.com/tmc/langchaingo => ../langchaingo\n"
	"replace (\n"
	"\tgithub.com/x/y v1.0.0 => github.com/x/z v1.0.1\n"
	")\n"
	"exclude github.com/bad/mod v0.1.0\n";

START_TEST(go_mod_requires)
{
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__go_mod(&v, go_mod, strlen(go_mod)), 0);
	ck_assert_uint_eq(v.count, 6);
	ck_assert_ptr_nonnull(d = find(&v, ECO_GOLANG, "github.com/sashabaranov/go-openai", "v1.28.2"));
	ck_assert_str_eq(d->spec, "v1.28.2");
	ck_assert_uint_eq(d->line, 7);
	ck_assert_ptr_nonnull(d = find(&v, ECO_GOLANG, "github.com/anthropics/anthropic-sdk-go", "v0.2.0-alpha.4"));
	ck_assert_uint_eq(d->line, 10);
	ck_assert_ptr_nonnull(d = find(&v, ECO_GOLANG, "github.com/tmc/langchaingo", "v0.1.12"));
	ck_assert_str_eq(d->spec, "v0.1.12 // indirect");
	ck_assert_ptr_nonnull(find(&v, ECO_GOLANG, "github.com/quoted/mod", "v1.0.0"));
	ck_assert_ptr_nonnull(d = find(&v, ECO_GOLANG, "golang.org/x/sys", "v0.0.0-20240312152122-5f08fbd34913"));
	ck_assert_str_eq(d->spec, "v0.0.0-20240312152122-5f08fbd34913 // indirect");
	ck_assert_ptr_nonnull(d = find(&v, ECO_GOLANG, "github.com/old/thing", "v2.0.0+incompatible"));
	ck_assert_str_eq(d->spec, "v2.0.0+incompatible");
	/* replace and exclude say nothing about what is required */
	ck_assert_ptr_null(find(&v, ECO_GOLANG, "github.com/x/y", NULL));
	ck_assert_ptr_null(find(&v, ECO_GOLANG, "github.com/bad/mod", NULL));
	free_deps(&v);
}
END_TEST

START_TEST(go_module_path)
{
	static const char quoted[] = "module \"example.com/q\" // the module\nrequire x v1\n";
	static const char block[] = "module (\n\texample.com/b\n)\n";
	static const char none[] = "go 1.21\nrequire x v1.0.0\n";
	char *p;

	ck_assert_ptr_nonnull(p = aibom_manifest__go_module_path(go_mod, strlen(go_mod)));
	ck_assert_str_eq(p, "github.com/Example/Chat-Svc");
	free(p);
	ck_assert_ptr_nonnull(p = aibom_manifest__go_module_path(quoted, strlen(quoted)));
	ck_assert_str_eq(p, "example.com/q");
	free(p);
	ck_assert_ptr_nonnull(p = aibom_manifest__go_module_path(block, strlen(block)));
	ck_assert_str_eq(p, "example.com/b");
	free(p);
	ck_assert_ptr_null(aibom_manifest__go_module_path(none, strlen(none)));
	ck_assert_ptr_null(aibom_manifest__go_module_path("", 0));
	ck_assert_ptr_null(aibom_manifest__go_module_path("module", 6));
}
END_TEST

START_TEST(go_mod_damaged)
{
	/* a require block never closed: the next directive ends it */
	static const char open_block[] =
		"module m\nrequire (\n\tgithub.com/a/b v1.0.0\n\nreplace github.com/a/b => ./b\ngo 1.21\n";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);

	ck_assert_int_eq(aibom_manifest__go_mod(&v, open_block, strlen(open_block)), 0);
	ck_assert_uint_eq(v.count, 1);
	ck_assert_ptr_nonnull(find(&v, ECO_GOLANG, "github.com/a/b", "v1.0.0"));
	free_deps(&v);
	ck_assert_int_eq(aibom_manifest__go_mod(&v, "", 0), 0);
	ck_assert_int_eq(aibom_manifest__go_mod(&v, LIT("require\nrequire x\nrequire \"unterminated v1\n")), 0);
	ck_assert_uint_eq(v.count, 0);
	every_prefix(P_GOMOD, go_mod);
}
END_TEST

START_TEST(go_sum_hashes)
{
	static const char text[] =
		"github.com/sashabaranov/go-openai v1.28.2 h1:7hhE4dIArdKn0SXm1kFUEM2GlLPu7gpT3ElB4+kqF9w=\n"
		"github.com/sashabaranov/go-openai v1.28.2/go.mod h1:lj5b/K+zjTSFxVLijLSTDZuP7adOgerWeFyZLUhAKRg=\n"
		"github.com/sashabaranov/go-openai v1.20.0/go.mod h1:aaaa=\n"
		"github.com/tmc/langchaingo v0.1.12 h1:yXwSu54f3b1IKw0jJ5/DWu+qFVH1NBptTmXSkCGxOLQ=\r\n"
		"github.com/tmc/langchaingo v0.1.12 h1:duplicate=\n"
		"\n"
		"garbage\n"
		"github.com/tmc/langchaingo v0.1.10 h1:older=\n";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__go_sum(&v, text, strlen(text)), 0);
	ck_assert_uint_eq(v.count, 3);
	ck_assert_ptr_nonnull(d = find(&v, ECO_GOLANG, "github.com/sashabaranov/go-openai", "v1.28.2"));
	ck_assert_str_eq(d->spec, "h1:7hhE4dIArdKn0SXm1kFUEM2GlLPu7gpT3ElB4+kqF9w=");
	ck_assert_uint_eq(d->line, 1);
	ck_assert_ptr_null(find(&v, ECO_GOLANG, "github.com/sashabaranov/go-openai", "v1.20.0"));
	ck_assert_ptr_nonnull(d = find(&v, ECO_GOLANG, "github.com/tmc/langchaingo", "v0.1.12"));
	ck_assert_str_eq(d->spec, "h1:yXwSu54f3b1IKw0jJ5/DWu+qFVH1NBptTmXSkCGxOLQ=");
	ck_assert_uint_eq(d->line, 4);
	ck_assert_ptr_nonnull(find(&v, ECO_GOLANG, "github.com/tmc/langchaingo", "v0.1.10"));
	free_deps(&v);
	every_prefix(P_GOSUM, text);
}
END_TEST

/* ---- Maven */

static const char pom_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<!DOCTYPE project [ <!ENTITY x \"y\"> ]>\n"
	"<project xmlns=\"http://maven.apache.org/POM/4.0.0\"\n"
	"         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
	"  <modelVersion>4.0.0</modelVersion>\n"
	"  <parent>\n"
	"    <groupId>org.springframework.boot</groupId>\n"
	"    <artifactId>spring-boot-starter-parent</artifactId>\n"
	"    <version>3.3.1</version>\n"
	"  </parent>\n"
	"  <groupId>com.example</groupId>\n"
	"  <artifactId>chat</artifactId>\n"
	"  <version>1.4.0-SNAPSHOT</version>\n"
	"  <properties>\n"
	"    <java.version>21</java.version>\n"
	"    <spring-ai.version>1.0.0-M1</spring-ai.version>\n"
	"    <djl.version>${djl.base}.1</djl.version>\n"
	"    <djl.base>0.28</djl.base>\n"
	"    <loop.a>${loop.b}</loop.a>\n"
	"    <loop.b>${loop.a}</loop.b>\n"
	"  </properties>\n"
	"  <!-- <dependency><groupId>commented</groupId><artifactId>out</artifactId></dependency> -->\n"
	"  <dependencyManagement>\n"
	"    <dependencies>\n"
	"      <dependency>\n"
	"        <groupId>org.springframework.ai</groupId>\n"
	"        <artifactId>spring-ai-bom</artifactId>\n"
	"        <version>${spring-ai.version}</version>\n"
	"        <type>pom</type>\n"
	"        <scope>import</scope>\n"
	"      </dependency>\n"
	"      <dependency>\n"
	"        <groupId>ai.djl</groupId>\n"
	"        <artifactId>api</artifactId>\n"
	"        <version>${djl.version}</version>\n"
	"      </dependency>\n"
	"    </dependencies>\n"
	"  </dependencyManagement>\n"
	"  <dependencies>\n"
	"    <dependency>\n"
	"      <groupId>org.springframework.ai</groupId>\n"
	"      <artifactId>spring-ai-openai-spring-boot-starter</artifactId>\n"
	"    </dependency>\n"
	"    <dependency>\n"
	"      <groupId>ai.djl</groupId>\n"
	"      <artifactId>api</artifactId>\n"
	"    </dependency>\n"
	"    <dependency id=\"x\" note='a > b'>\n"
	"      <groupId> ${project.groupId} </groupId>\n"
	"      <artifactId>chat-core</artifactId>\n"
	"      <version>${project.version}</version>\n"
	"    </dependency>\n"
	"    <dependency>\n"
	"      <groupId>dev.langchain4j</groupId>\n"
	"      <artifactId>langchain4j-open-ai</artifactId>\n"
	"      <version>${langchain4j.version}</version>\n"
	"      <exclusions>\n"
	"        <exclusion><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></exclusion>\n"
	"      </exclusions>\n"
	"    </dependency>\n"
	"    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId>"
	"<version>[32.0,33.0)</version></dependency>\n"
	"    <dependency><groupId>x.loop</groupId><artifactId>cyclic</artifactId>"
	"<version>${loop.a}</version></dependency>\n"
	"    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId>"
	"<version>2.17.1<!-- pinned --></version></dependency>\n"
	"    <dependency><groupId>a&amp;b</groupId><artifactId><![CDATA[cdata-art]]></artifactId>"
	"<version>1.0</version></dependency>\n"
	"    <dependency><groupId>parent.ver</groupId><artifactId>p</artifactId>"
	"<version>${project.parent.version}</version></dependency>\n"
	"    <dependency><artifactId>no-group</artifactId><version>1</version></dependency>\n"
	"  </dependencies>\n"
	"  <build>\n"
	"    <plugins>\n"
	"      <plugin>\n"
	"        <groupId>org.apache.maven.plugins</groupId>\n"
	"        <artifactId>maven-compiler-plugin</artifactId>\n"
	"        <dependencies>\n"
	"          <dependency><groupId>plugin.dep</groupId><artifactId>x</artifactId>"
	"<version>1</version></dependency>\n"
	"        </dependencies>\n"
	"      </plugin>\n"
	"    </plugins>\n"
	"  </build>\n"
	"  <profiles>\n"
	"    <profile>\n"
	"      <id>gpu</id>\n"
	"      <properties><onnx.version>1.18.0</onnx.version></properties>\n"
	"      <dependencies>\n"
	"        <dependency><groupId>com.microsoft.onnxruntime</groupId><artifactId>onnxruntime_gpu</artifactId>"
	"<version>${onnx.version}</version></dependency>\n"
	"      </dependencies>\n"
	"    </profile>\n"
	"  </profiles>\n"
	"</project>\n";

START_TEST(pom_dependencies_and_properties)
{
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__pom(&v, pom_xml, strlen(pom_xml)), 0);
	assert_sane(&v);
	ck_assert_uint_eq(v.count, 12);
	/* dependencyManagement, with properties resolved (one property through another) */
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "org.springframework.ai:spring-ai-bom", "1.0.0-M1"));
	ck_assert_str_eq(d->spec, "${spring-ai.version}");
	ck_assert_uint_eq(d->line, 25);
	ck_assert_uint_eq(count_named(&v, "ai.djl:api"), 2);
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "ai.djl:api", "0.28.1"));
	/* a dependency without a version takes dependencyManagement's */
	d = find(&v, ECO_MAVEN, "org.springframework.ai:spring-ai-openai-spring-boot-starter", NULL);
	ck_assert_ptr_nonnull(d);
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, "");
	ck_assert_uint_eq(d->line, 40);
	for (size_t i = 0; i < v.count; i++) {
		d = aibom_vec__at(&v, aibom_dependency, i);
		if (!strcmp(d->name, "ai.djl:api")) {
			ck_assert_str_eq(d->version, "0.28.1");
		}
	}
	/* ${project.groupId} / ${project.version}, attributes with '>' inside quotes */
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "com.example:chat-core", "1.4.0-SNAPSHOT"));
	ck_assert_str_eq(d->spec, "${project.version}");
	/* unresolvable, range, cyclic: no version, the text kept */
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "dev.langchain4j:langchain4j-open-ai", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, "${langchain4j.version}");
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "com.google.guava:guava", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, "[32.0,33.0)");
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "x.loop:cyclic", NULL));
	ck_assert_ptr_null(d->version);
	/* exclusions are not the dependency; comments inside text are dropped */
	ck_assert_ptr_null(find(&v, ECO_MAVEN, "org.slf4j:slf4j-api", NULL));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.fasterxml.jackson.core:jackson-databind", "2.17.1"));
	/* entities and CDATA; the parent's version */
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "a&b:cdata-art", "1.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "parent.ver:p", "3.3.1"));
	/* a profile's dependencies and properties count; plugins' and comments' do not */
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.microsoft.onnxruntime:onnxruntime_gpu", "1.18.0"));
	ck_assert_ptr_null(find(&v, ECO_MAVEN, "plugin.dep:x", NULL));
	ck_assert_ptr_null(find(&v, ECO_MAVEN, "commented:out", NULL));
	ck_assert_ptr_null(find(&v, ECO_MAVEN, ":no-group", NULL));
	free_deps(&v);
}
END_TEST

START_TEST(pom_parent_version_and_namespaces)
{
	static const char text[] =
		"<m:project xmlns:m=\"http://maven.apache.org/POM/4.0.0\">"
		"<m:parent><m:groupId>org.acme</m:groupId><m:version>2.1.0</m:version></m:parent>"
		"<m:artifactId>child</m:artifactId>"
		"<m:dependencies><m:dependency><m:groupId>${project.groupId}</m:groupId>"
		"<m:artifactId>sibling</m:artifactId><m:version>${project.version}</m:version></m:dependency>"
		"<m:dependency><m:groupId>${unknown.group}</m:groupId><m:artifactId>x</m:artifactId>"
		"<m:version/></m:dependency>"
		"</m:dependencies></m:project>";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__pom(&v, text, strlen(text)), 0);
	ck_assert_uint_eq(v.count, 2);
	/* no <version> of its own: the project's version and groupId are the parent's */
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "org.acme:sibling", "2.1.0"));
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "${unknown.group}:x", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, "");
	free_deps(&v);
}
END_TEST

START_TEST(pom_malformed)
{
	static const char truncated[] =
		"<project><dependencies>\n"
		"<dependency><groupId>g</groupId><artifactId>first</artifactId><version>1.0</version></dependency>\n"
		"<dependency><groupId>g</groupId><artifactId>second</artifactId><version>2.0</vers";
	static const char mismatched[] =
		"<project><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId>"
		"<version>1</version></dependencies></junk></project>"
		"<dependency><groupId>outside</groupId><artifactId>b</artifactId></dependency>";
	static const char garbage[] = "<<<>>></></><!-- <![CDATA[ <? <!DOCTYPE [[[ a < b > c & d;";
	static const char binary[] = "<project>\x00\xff\xfe<dependencies>\x01<dependency><groupId>\x80\x81</groupId>"
				     "<artifactId>bin</artifactId></dependency>\x00</dependencies></project>";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	aibom_str deep = AIBOM_STR_INIT;
	int i;

	ck_assert_int_eq(aibom_manifest__pom(&v, truncated, strlen(truncated)), 0);
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "g:first", "1.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "g:second", NULL)); /* what it said before the cut */
	free_deps(&v);

	/* an end tag closes what is open inside it; one matching nothing is ignored */
	ck_assert_int_eq(aibom_manifest__pom(&v, mismatched, strlen(mismatched)), 0);
	ck_assert_uint_eq(v.count, 1);
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "g:a", "1"));
	free_deps(&v);

	ck_assert_int_eq(aibom_manifest__pom(&v, garbage, strlen(garbage)), 0);
	ck_assert_uint_eq(v.count, 0);
	ck_assert_int_eq(aibom_manifest__pom(&v, LIT("")), 0);
	ck_assert_int_eq(aibom_manifest__pom(&v, LIT("<")), 0);
	ck_assert_int_eq(aibom_manifest__pom(&v, LIT("<!--")), 0);
	ck_assert_int_eq(aibom_manifest__pom(&v, LIT("<project><dependencies><dependency><groupId>g<")), 0);
	ck_assert_uint_eq(v.count, 0);
	ck_assert_int_eq(aibom_manifest__pom(&v, binary, sizeof(binary) - 1), 0);
	ck_assert_uint_eq(v.count, 1);
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "\x80\x81:bin", NULL));
	free_deps(&v);

	/* 200,000 nested elements, then a dependency at the top once they close */
	aibom_str__puts(&deep, "<project><dependencies>");
	for (i = 0; i < 200000; i++)
		aibom_str__puts(&deep, "<a>");
	for (i = 0; i < 200000; i++)
		aibom_str__puts(&deep, "</a>");
	aibom_str__puts(&deep, "<dependency><groupId>g</groupId><artifactId>deep</artifactId><version>3</version>"
			       "</dependency></dependencies></project>");
	ck_assert(!deep.failed);
	ck_assert_int_eq(aibom_manifest__pom(&v, deep.ptr, deep.size), 0);
	ck_assert_uint_eq(v.count, 1);
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "g:deep", "3"));
	free_deps(&v);
	aibom_str__free(&deep);

	every_prefix(P_POM, pom_xml);
}
END_TEST

START_TEST(pom_property_expansion_is_bounded)
{
	aibom_str text = AIBOM_STR_INIT;
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;
	int i;

	/* p0 = ${p1}${p1}, p1 = ${p2}${p2}, ...: 2^40 characters if nothing stopped it */
	aibom_str__puts(&text, "<project><properties>");
	for (i = 0; i < 40; i++)
		aibom_str__printf(&text, "<p%d>${p%d}${p%d}</p%d>", i, i + 1, i + 1, i);
	aibom_str__puts(&text, "<p40>x</p40></properties><dependencies><dependency><groupId>g</groupId>"
			       "<artifactId>bomb</artifactId><version>${p0}</version></dependency>"
			       "<dependency><groupId>g</groupId><artifactId>ok</artifactId><version>${p38}</version>"
			       "</dependency></dependencies></project>");
	ck_assert_int_eq(aibom_manifest__pom(&v, text.ptr, text.size), 0);
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "g:bomb", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, "${p0}");
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "g:ok", "xxxx"));
	free_deps(&v);
	aibom_str__free(&text);
}
END_TEST

/* ---- Gradle */

static const char build_gradle[] =
	"plugins { id 'java' }\n"
	"def springAiVersion = '1.0.0-M1'\n"
	"ext {\n"
	"    djlVersion = \"0.28.0\"\n"
	"    versions = [onnx: '1.18.0', 'tika': \"2.9.2\"]\n"
	"}\n"
	"ext.lc4j = '0.33.0'\n"
	"ext.set('grpcVersion', '1.64.0')\n"
	"version = '2.0.0'\n"
	"dependencies {\n"
	"    implementation 'com.theokanning.openai-gpt3-java:service:0.18.2'\n"
	"    implementation \"org.springframework.ai:spring-ai-openai:$springAiVersion\"\n"
	"    api(\"ai.djl:api:${djlVersion}\")\n"
	"    runtimeOnly \"ai.djl.pytorch:pytorch-engine:${rootProject.ext.djlVersion}\"\n"
	"    implementation platform(\"org.springframework.ai:spring-ai-bom:1.0.0-M1\")\n"
	"    implementation group: 'dev.langchain4j', name: 'langchain4j', version: lc4j\n"
	"    testImplementation group: 'org.junit.jupiter', name: 'junit-jupiter', version: '5.10.2'\n"
	"    compileOnly 'org.projectlombok:lombok:1.18.32', 'org.jetbrains:annotations:24.1.0'\n"
	"    annotationProcessor 'org.projectlombok:lombok:1.18.32'\n"
	"    kapt \"com.google.dagger:dagger-compiler:2.51\"\n"
	"    implementation \"com.microsoft.onnxruntime:onnxruntime:${versions.onnx}\"\n"
	"    implementation \"org.apache.tika:tika-core:$versions.tika\"\n"
	"    implementation \"io.grpc:grpc-stub:$grpcVersion\"\n"
	"    implementation \"com.example:self:$version\"\n"
	"    implementation 'com.literal:single:$notInterpolated'\n"
	"    implementation \"com.unknown:lib:$missingVersion\"\n"
	"    implementation 'com.dynamic:plus:1.+'\n"
	"    implementation 'com.dynamic:latest:latest.release'\n"
	"    implementation 'com.google.guava:guava'\n"
	"    implementation('com.squareup.okhttp3:okhttp:4.12.0') {\n"
	"        exclude group: 'org.jetbrains.kotlin', module: 'kotlin-stdlib'\n"
	"    }\n"
	"    implementation 'com.android:aar-lib:1.0@aar'\n"
	"    debugImplementation 'com.squareup.leakcanary:leakcanary-android:2.14'\n"
	"    implementation project(':core')\n"
	"    implementation files('libs/a.jar')\n"
	"    implementation libs.retrofit\n"
	"    // implementation 'commented:out:1.0'\n"
	"    /* implementation 'block:commented:1.0'\n"
	"       still a comment */\n"
	"    implementation 'after:comment:1.0' // trailing\n"
	"    classpath 'com.android.tools.build:gradle:8.5.0'\n"
	"}\n"
	"configurations.implementation.extendsFrom(configurations.custom)\n";

START_TEST(gradle_groovy)
{
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__gradle(&v, build_gradle, strlen(build_gradle)), 0);
	assert_sane(&v);
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "com.theokanning.openai-gpt3-java:service", "0.18.2"));
	ck_assert_str_eq(d->spec, "0.18.2");
	ck_assert_uint_eq(d->line, 11);
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "org.springframework.ai:spring-ai-openai", "1.0.0-M1"));
	ck_assert_str_eq(d->spec, "$springAiVersion");
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "ai.djl:api", "0.28.0"));
	ck_assert_str_eq(d->spec, "${djlVersion}");
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "ai.djl.pytorch:pytorch-engine", "0.28.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "org.springframework.ai:spring-ai-bom", "1.0.0-M1"));
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "dev.langchain4j:langchain4j", "0.33.0"));
	ck_assert_str_eq(d->spec, "lc4j");
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "org.junit.jupiter:junit-jupiter", "5.10.2"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "org.projectlombok:lombok", "1.18.32"));
	ck_assert_uint_eq(count_named(&v, "org.projectlombok:lombok"), 2);
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "org.jetbrains:annotations", "24.1.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.google.dagger:dagger-compiler", "2.51"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.microsoft.onnxruntime:onnxruntime", "1.18.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "org.apache.tika:tika-core", "2.9.2"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "io.grpc:grpc-stub", "1.64.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.example:self", "2.0.0"));
	/* single quotes do not interpolate; unknown variables and dynamic versions: no version */
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "com.literal:single", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, "$notInterpolated");
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "com.unknown:lib", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, "$missingVersion");
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "com.dynamic:plus", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, "1.+");
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "com.dynamic:latest", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "com.google.guava:guava", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, "");
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.squareup.okhttp3:okhttp", "4.12.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.android:aar-lib", "1.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.squareup.leakcanary:leakcanary-android", "2.14"));
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "after:comment", "1.0"));
	ck_assert_uint_eq(d->line, 41);
	/* not dependencies: exclude rules, projects, files, catalogs, comments, the buildscript */
	ck_assert_ptr_null(find(&v, ECO_MAVEN, "org.jetbrains.kotlin:kotlin-stdlib", NULL));
	ck_assert_ptr_null(find(&v, ECO_MAVEN, "commented:out", NULL));
	ck_assert_ptr_null(find(&v, ECO_MAVEN, "block:commented", NULL));
	ck_assert_ptr_null(find(&v, ECO_MAVEN, "com.android.tools.build:gradle", NULL));
	ck_assert_uint_eq(v.count, 24);
	free_deps(&v);
}
END_TEST

START_TEST(gradle_kotlin)
{
	static const char text[] =
		"val langchain4jVersion = \"0.33.0\"\n"
		"val grpc: String = \"1.64.0\"\n"
		"val onnx by extra(\"1.18.0\")\n"
		"extra[\"tika\"] = \"2.9.2\"\n"
		"val computed = \"1.\" + minor\n"
		"dependencies {\n"
		"    implementation(\"dev.langchain4j:langchain4j-open-ai:$langchain4jVersion\")\n"
		"    implementation(\"io.grpc:grpc-stub:${grpc}\")\n"
		"    implementation(\"com.microsoft.onnxruntime:onnxruntime:${onnx}\")\n"
		"    implementation(\"org.apache.tika:tika-core:${extra[\"tika\"]}\")\n"
		"    implementation(\"x:computed:$computed\")\n"
		"    implementation(platform(\"org.springframework.ai:spring-ai-bom:1.0.0-M1\"))\n"
		"    implementation(group = \"com.openai\", name = \"openai-java\", version = \"0.8.0\")\n"
		"    implementation(kotlin(\"stdlib\"))\n"
		"    implementation(kotlin(\"reflect\", \"2.0.0\"))\n"
		"    testImplementation(libs.junit)\n"
		"    ksp(\"com.google.dagger:dagger-compiler:2.51\")\n"
		"    implementation(\"\"\"raw:triple:1.0\"\"\")\n"
		"}\n";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__gradle(&v, text, strlen(text)), 0);
	assert_sane(&v);
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "dev.langchain4j:langchain4j-open-ai", "0.33.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "io.grpc:grpc-stub", "1.64.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.microsoft.onnxruntime:onnxruntime", "1.18.0"));
	/* ${extra["tika"]}: quotes inside the ${} of a string */
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "org.apache.tika:tika-core", "2.9.2"));
	ck_assert_str_eq(d->spec, "${extra[\"tika\"]}");
	/* a computed variable is not followed */
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "x:computed", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, "$computed");
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "org.springframework.ai:spring-ai-bom", "1.0.0-M1"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.openai:openai-java", "0.8.0"));
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "org.jetbrains.kotlin:kotlin-stdlib", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "org.jetbrains.kotlin:kotlin-reflect", "2.0.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "com.google.dagger:dagger-compiler", "2.51"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "raw:triple", "1.0"));
	ck_assert_uint_eq(v.count, 11);
	free_deps(&v);
}
END_TEST

START_TEST(gradle_malformed)
{
	static const char unterminated[] =
		"dependencies {\n  implementation 'a:b:1.0'\n  implementation \"c:d:$v\n  api 'e:f:2.0'\n"
		" /* never closed\n"
		"  implementation 'hidden:x:1'\n";
	static const char garbage[] = "implementation implementation ( ( ( , , 'x' : = [ ] $ ${ \" ' ''' \"\"\"";
	static const char binary[] = "\x00\xff implementation '\x80:\x81:1' \x00 api 'ok:bin:1.0'";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	aibom_str bomb = AIBOM_STR_INIT;
	const aibom_dependency *d;
	int i, k;

	ck_assert_int_eq(aibom_manifest__gradle(&v, unterminated, strlen(unterminated)), 0);
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "a:b", "1.0"));
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "e:f", "2.0")); /* the string ended at its line */
	ck_assert_ptr_null(find(&v, ECO_MAVEN, "hidden:x", NULL));
	free_deps(&v);
	ck_assert_int_eq(aibom_manifest__gradle(&v, garbage, strlen(garbage)), 0);
	assert_sane(&v);
	free_deps(&v);
	ck_assert_int_eq(aibom_manifest__gradle(&v, binary, sizeof(binary) - 1), 0);
	ck_assert_ptr_nonnull(find(&v, ECO_MAVEN, "ok:bin", "1.0"));
	free_deps(&v);
	ck_assert_int_eq(aibom_manifest__gradle(&v, LIT("")), 0);
	ck_assert_int_eq(aibom_manifest__gradle(&v, LIT("'")), 0);
	ck_assert_int_eq(aibom_manifest__gradle(&v, LIT("/*")), 0);
	ck_assert_int_eq(aibom_manifest__gradle(&v, LIT("\"\"\"")), 0);
	ck_assert_int_eq(aibom_manifest__gradle(&v, LIT("implementation \"g:a:${")), 0);
	ck_assert_uint_eq(v.count, 1);
	free_deps(&v);
	ck_assert_uint_eq(v.count, 0);

	/* variables that multiply: v0 = "$v1$v1...", v1 = "$v2$v2..." */
	for (i = 0; i < 10; i++) {
		aibom_str__printf(&bomb, "def v%d = \"", i);
		for (k = 0; k < 50; k++)
			aibom_str__printf(&bomb, "$v%d", i + 1);
		aibom_str__puts(&bomb, "\"\n");
	}
	aibom_str__puts(&bomb, "def v10 = \"\"\nimplementation \"g:bomb:$v0\"\n");
	ck_assert_int_eq(aibom_manifest__gradle(&v, bomb.ptr, bomb.size), 0);
	ck_assert_ptr_nonnull(d = find(&v, ECO_MAVEN, "g:bomb", NULL));
	ck_assert_ptr_null(d->version);
	free_deps(&v);
	aibom_str__free(&bomb);

	every_prefix(P_GRADLE, build_gradle);
}
END_TEST

/* ---- npm lock files */

static const char package_lock_v3[] =
	"{\n"
	"  \"name\": \"app\",\n"
	"  \"lockfileVersion\": 3,\n"
	"  \"packages\": {\n"
	"    \"\": {\n"
	"      \"name\": \"app\",\n"
	"      \"dependencies\": { \"openai\": \"^4.56.0\" }\n"
	"    },\n"
	"    \"node_modules/@anthropic-ai/sdk\": {\n"
	"      \"version\": \"0.27.3\"\n"
	"    },\n"
	"    \"node_modules/openai\": {\n"
	"      \"version\": \"4.56.0\",\n"
	"      \"dependencies\": { \"node-fetch\": \"^2.6.7\" }\n"
	"    },\n"
	"    \"node_modules/openai/node_modules/node-fetch\": {\n"
	"      \"version\": \"2.6.7\"\n"
	"    },\n"
	"    \"node_modules/my-alias\": {\n"
	"      \"name\": \"string-width\",\n"
	"      \"version\": \"npm:string-width@4.2.3\"\n"
	"    },\n"
	"    \"node_modules/local-lib\": {\n"
	"      \"resolved\": \"packages/local-lib\",\n"
	"      \"link\": true\n"
	"    },\n"
	"    \"node_modules/gitdep\": {\n"
	"      \"version\": \"git+ssh://git@github.com/x/y.git#abc\"\n"
	"    },\n"
	"    \"packages/local-lib\": {\n"
	"      \"version\": \"1.0.0\"\n"
	"    }\n"
	"  }\n"
	"}\n";

START_TEST(npm_package_lock)
{
	static const char v1[] =
		"{\"lockfileVersion\": 1, \"requires\": true, \"dependencies\": {\n"
		"  \"langchain\": {\"version\": \"0.2.16\", \"requires\": {\"openai\": \"^4.0.0\"},\n"
		"    \"dependencies\": {\"openai\": {\"version\": \"4.0.1\"}}},\n"
		"  \"openai\": {\"version\": \"4.56.0\"},\n"
		"  \"file-dep\": {\"version\": \"file:../x\"}\n"
		"}}\n";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "web/package-lock.json", LIT(package_lock_v3)), 0);
	assert_sane(&v);
	ck_assert_uint_eq(v.count, 3);
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "@anthropic-ai/sdk", "0.27.3"));
	ck_assert_uint_eq(d->line, 9);
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "openai", "4.56.0"));
	ck_assert_uint_eq(d->line, 12);
	ck_assert_ptr_nonnull(find(&v, ECO_NPM, "my-alias", "4.2.3"));
	ck_assert_ptr_null(find(&v, ECO_NPM, "node-fetch", NULL));
	ck_assert_ptr_null(find(&v, ECO_NPM, "local-lib", NULL));
	ck_assert_ptr_null(find(&v, ECO_NPM, "gitdep", NULL));
	free_deps(&v);

	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "npm-shrinkwrap.json", v1, strlen(v1)), 0);
	ck_assert_uint_eq(v.count, 2);
	ck_assert_ptr_nonnull(find(&v, ECO_NPM, "langchain", "0.2.16"));
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "openai", NULL));
	ck_assert_str_eq(d->version, "4.56.0"); /* the top-level one, not langchain's nested copy */
	ck_assert_uint_eq(d->line, 4);
	free_deps(&v);

	/* damaged JSON: nothing, no error */
	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "package-lock.json", package_lock_v3, 200), 0);
	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "package-lock.json", LIT("[[[[")), 0);
	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "package-lock.json", LIT("{\"packages\": 3}")), 0);
	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "package-lock.json",
		LIT("{\"packages\": {\"node_modules/x\": 1}}")), 0);
	ck_assert_uint_eq(v.count, 0);
	/* a name that is no lock file */
	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "package.json", package_lock_v3, strlen(package_lock_v3)), 0);
	ck_assert_uint_eq(v.count, 0);
	every_prefix(P_PKGLOCK, package_lock_v3);
}
END_TEST

static const char pnpm_v9[] =
	"lockfileVersion: '9.0'\n"
	"\n"
	"settings:\n"
	"  autoInstallPeers: true\n"
	"\n"
	"importers:\n"
	"\n"
	"  .:\n"
	"    dependencies:\n"
	"      '@langchain/openai':\n"
	"        specifier: ^0.2.7\n"
	"        version: 0.2.7(@langchain/core@0.2.31)\n"
	"      openai:\n"
	"        specifier: ^4.56.0\n"
	"        version: 4.56.0(zod@3.23.8)\n"
	"      shared:\n"
	"        specifier: workspace:*\n"
	"        version: link:packages/shared\n"
	"      my-alias:\n"
	"        specifier: npm:string-width@^4\n"
	"        version: string-width@4.2.3\n"
	"    devDependencies:\n"
	"      typescript:\n"
	"        specifier: ~5.5.4\n"
	"        version: 5.5.4\n"
	"\n"
	"  packages/shared:\n"
	"    dependencies:\n"
	"      ollama:\n"
	"        specifier: ^0.5.8\n"
	"        version: 0.5.8\n"
	"\n"
	"packages:\n"
	"\n"
	"  '@langchain/core@0.2.31':\n"
	"    resolution: {integrity: sha512-abc}\n"
	"    engines: {node: '>=18'}\n"
	"\n"
	"  '@langchain/openai@0.2.7':\n"
	"    resolution: {integrity: sha512-def}\n"
	"\n"
	"  ollama@0.5.8:\n"
	"    resolution: {integrity: sha512-ghi}\n"
	"\n"
	"  openai@4.56.0:\n"
	"    resolution: {integrity: sha512-jkl}\n"
	"    peerDependencies:\n"
	"      zod: ^3.23.8\n"
	"\n"
	"snapshots:\n"
	"\n"
	"  openai@4.56.0(zod@3.23.8):\n"
	"    dependencies:\n"
	"      zod: 3.23.8\n";

START_TEST(npm_pnpm_lock)
{
	static const char v6[] =
		"lockfileVersion: '6.0'\n"
		"dependencies:\n"
		"  openai:\n"
		"    specifier: ^4.0.0\n"
		"    version: 4.56.0\n"
		"  '@google/generative-ai':\n"
		"    specifier: ^0.17.0\n"
		"    version: 0.17.1(react@18.2.0)\n"
		"packages:\n"
		"  /openai@4.56.0:\n"
		"    resolution: {integrity: sha512-x}\n"
		"  /@google/generative-ai@0.17.1(react@18.2.0):\n"
		"    resolution: {integrity: sha512-y}\n"
		"  /node-fetch@2.7.0:\n"
		"    dependencies:\n"
		"      whatwg-url: 5.0.0\n";
	static const char v5[] =
		"lockfileVersion: 5.4\n"
		"specifiers:\n"
		"  openai: ^3.3.0\n"
		"  '@pinecone-database/pinecone': ^0.1.6\n"
		"dependencies:\n"
		"  openai: 3.3.0\n"
		"  '@pinecone-database/pinecone': 0.1.6_react@18.2.0\n"
		"packages:\n"
		"  /openai/3.3.0:\n"
		"    resolution: {integrity: sha512-x}\n"
		"  /@pinecone-database/pinecone/0.1.6_react@18.2.0:\n"
		"    resolution: {integrity: sha512-y}\n"
		"  /axios/0.26.1:\n"
		"    dev: false\n";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "pnpm-lock.yaml", pnpm_v9, strlen(pnpm_v9)), 0);
	assert_sane(&v);
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "@langchain/openai", "0.2.7"));
	ck_assert_str_eq(d->spec, "^0.2.7");
	ck_assert_uint_eq(d->line, 10);
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "openai", "4.56.0"));
	ck_assert_str_eq(d->spec, "^4.56.0");
	ck_assert_ptr_nonnull(find(&v, ECO_NPM, "my-alias", "4.2.3"));
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "typescript", "5.5.4"));
	ck_assert_str_eq(d->spec, "~5.5.4");
	ck_assert_ptr_null(find(&v, ECO_NPM, "shared", NULL));
	/* the package keys: every package once */
	ck_assert_ptr_nonnull(find(&v, ECO_NPM, "@langchain/core", "0.2.31"));
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "ollama", "0.5.8"));
	ck_assert_str_eq(d->spec, "");
	ck_assert_uint_eq(count_named(&v, "openai"), 1);
	ck_assert_uint_eq(count_named(&v, "@langchain/openai"), 1);
	ck_assert_ptr_null(find(&v, ECO_NPM, "zod", NULL));
	ck_assert_uint_eq(v.count, 6);
	free_deps(&v);

	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "pnpm-lock.yaml", v6, strlen(v6)), 0);
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "openai", "4.56.0"));
	ck_assert_str_eq(d->spec, "^4.0.0");
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "@google/generative-ai", "0.17.1"));
	ck_assert_str_eq(d->spec, "^0.17.0");
	ck_assert_ptr_nonnull(find(&v, ECO_NPM, "node-fetch", "2.7.0"));
	ck_assert_ptr_null(find(&v, ECO_NPM, "whatwg-url", NULL));
	ck_assert_uint_eq(v.count, 3);
	free_deps(&v);

	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "pnpm-lock.yaml", v5, strlen(v5)), 0);
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "openai", "3.3.0"));
	ck_assert_str_eq(d->spec, "^3.3.0");
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "@pinecone-database/pinecone", "0.1.6"));
	ck_assert_str_eq(d->spec, "^0.1.6");
	ck_assert_ptr_nonnull(find(&v, ECO_NPM, "axios", "0.26.1"));
	ck_assert_uint_eq(v.count, 3);
	free_deps(&v);

	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "pnpm-lock.yaml", LIT(":\n: :\n- x\n  '\n'a':\n\t\t:\n")), 0);
	ck_assert_uint_eq(v.count, 0);
	every_prefix(P_PNPM, pnpm_v9);
	every_prefix(P_PNPM, v5);
}
END_TEST

static const char yarn_v1[] =
	"# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n"
	"# yarn lockfile v1\n"
	"\n"
	"\n"
	"\"@anthropic-ai/sdk@^0.27.0\", \"@anthropic-ai/sdk@^0.27.3\":\n"
	"  version \"0.27.3\"\n"
	"  resolved \"https://registry.yarnpkg.com/@anthropic-ai/sdk/-/sdk-0.27.3.tgz#abc\"\n"
	"  integrity sha512-xyz\n"
	"  dependencies:\n"
	"    version \"^1.0.0\"\n"
	"\n"
	"openai@^3.0.0:\n"
	"  version \"3.3.0\"\n"
	"\n"
	"openai@^4.0.0, openai@~4.56.0:\n"
	"  version \"4.56.0\"\n"
	"\n"
	"\"local@file:../local\":\n"
	"  version \"1.0.0\"\n";

START_TEST(npm_yarn_lock)
{
	static const char berry[] =
		"# This file is generated by running \"yarn install\" inside your project.\n"
		"\n"
		"__metadata:\n"
		"  version: 8\n"
		"  cacheKey: 10c0\n"
		"\n"
		"\"@anthropic-ai/sdk@npm:^0.27.0, @anthropic-ai/sdk@npm:^0.27.3\":\n"
		"  version: 0.27.3\n"
		"  resolution: \"@anthropic-ai/sdk@npm:0.27.3\"\n"
		"  dependencies:\n"
		"    version: \"npm:1.0.0\"\n"
		"  languageName: node\n"
		"\n"
		"\"my-app@workspace:.\":\n"
		"  version: 0.0.0-use.local\n"
		"\n"
		"\"resolve@npm:^1.20.0\":\n"
		"  version: 1.22.8\n"
		"\n"
		"\"resolve@patch:resolve@npm%3A^1.20.0#optional!builtin<compat/resolve>\":\n"
		"  version: 1.22.8\n";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "yarn.lock", yarn_v1, strlen(yarn_v1)), 0);
	assert_sane(&v);
	ck_assert_uint_eq(v.count, 3);
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "@anthropic-ai/sdk", "0.27.3"));
	ck_assert_str_eq(d->spec, "^0.27.0, ^0.27.3");
	ck_assert_uint_eq(d->line, 5);
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "openai", "3.3.0"));
	ck_assert_str_eq(d->spec, "^3.0.0");
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "openai", "4.56.0"));
	ck_assert_str_eq(d->spec, "^4.0.0, ~4.56.0");
	ck_assert_ptr_null(find(&v, ECO_NPM, "local", NULL));
	free_deps(&v);

	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "yarn.lock", berry, strlen(berry)), 0);
	assert_sane(&v);
	ck_assert_uint_eq(v.count, 2);
	ck_assert_ptr_nonnull(d = find(&v, ECO_NPM, "@anthropic-ai/sdk", "0.27.3"));
	ck_assert_str_eq(d->spec, "^0.27.0, ^0.27.3");
	ck_assert_ptr_nonnull(find(&v, ECO_NPM, "resolve", "1.22.8"));
	ck_assert_ptr_null(find(&v, ECO_NPM, "my-app", NULL));
	ck_assert_ptr_null(find(&v, ECO_NPM, "__metadata", NULL));
	free_deps(&v);

	ck_assert_int_eq(aibom_manifest__npm_lock(&v, "yarn.lock", LIT("a@:\n  version\n@:\n  version \"\"\n:\n")), 0);
	ck_assert_uint_eq(v.count, 0);
	every_prefix(P_YARN, yarn_v1);
	every_prefix(P_YARN, berry);
}
END_TEST

/* ---- locks fill manifests */

START_TEST(locks_fill_versions)
{
	static const char package_json[] =
		"{\"dependencies\": {\"openai\": \"^4.0.0\", \"@anthropic-ai/sdk\": \"^0.27.0\", \"pinned\": \"1.0.0\","
		" \"absent\": \"^1\"}}";
	static const char gomod[] = "module m\nrequire github.com/tmc/langchaingo v0.1.12\n";
	static const char gosum[] = "github.com/tmc/langchaingo v0.1.10 h1:old=\n"
				    "github.com/tmc/langchaingo v0.1.12 h1:new=\n";
	aibom_vec deps = AIBOM_VEC_INIT(aibom_dependency), locked = AIBOM_VEC_INIT(aibom_dependency);
	aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__package_json(&deps, package_json, strlen(package_json)), 0);
	ck_assert_int_eq(aibom_manifest__npm_lock(&locked, "yarn.lock", yarn_v1, strlen(yarn_v1)), 0);
	ck_assert_int_eq(aibom_manifest__go_sum(&locked, gosum, strlen(gosum)), 0);
	ck_assert_int_eq(aibom_manifest__go_mod(&deps, gomod, strlen(gomod)), 0);
	/* a PyPI "openai" is not the npm one */
	ck_assert_int_eq(aibom_manifest__requirements(&deps, LIT("openai>=1\n")), 0);
	ck_assert_int_eq(aibom_manifest__apply_locks(&deps, &locked), 0);

	/* the block whose ranges list the manifest's range, not the first "openai" */
	ck_assert_ptr_nonnull(d = (aibom_dependency *)find(&deps, ECO_NPM, "openai", NULL));
	ck_assert_str_eq(d->version, "4.56.0");
	ck_assert_ptr_nonnull(d = (aibom_dependency *)find(&deps, ECO_NPM, "@anthropic-ai/sdk", NULL));
	ck_assert_str_eq(d->version, "0.27.3");
	ck_assert_ptr_nonnull(d = (aibom_dependency *)find(&deps, ECO_NPM, "pinned", NULL));
	ck_assert_str_eq(d->version, "1.0.0");
	ck_assert_ptr_nonnull(d = (aibom_dependency *)find(&deps, ECO_NPM, "absent", NULL));
	ck_assert_ptr_null(d->version);
	ck_assert_ptr_nonnull(d = (aibom_dependency *)find(&deps, ECO_PYPI, "openai", NULL));
	ck_assert_ptr_null(d->version);
	/* go.mod's own version stays */
	ck_assert_ptr_nonnull(d = (aibom_dependency *)find(&deps, ECO_GOLANG, "github.com/tmc/langchaingo", NULL));
	ck_assert_str_eq(d->version, "v0.1.12");

	/* an unpinned Go requirement (hand-made) takes the first go.sum version */
	d = aibom_vec__push(&deps);
	ck_assert_ptr_nonnull(d);
	d->eco = ECO_GOLANG;
	d->name = strdup("github.com/tmc/langchaingo");
	d->spec = strdup("");
	ck_assert_int_eq(aibom_manifest__apply_locks(&deps, &locked), 0);
	ck_assert_str_eq(aibom_vec__at(&deps, aibom_dependency, deps.count - 1)->version, "v0.1.10");

	/* nothing to apply */
	{
		aibom_vec empty = AIBOM_VEC_INIT(aibom_dependency);
		ck_assert_int_eq(aibom_manifest__apply_locks(&deps, &empty), 0);
		ck_assert_int_eq(aibom_manifest__apply_locks(&empty, &locked), 0);
	}
	free_deps(&deps);
	free_deps(&locked);
}
END_TEST

/* ---- any bytes at all */

START_TEST(random_bytes)
{
	static const char alphabet[] = "<>/!-[]?\"'=:{}()$,.@ \n\t\\#_abgvdepnmrsion0123456789\x00\xff\x80";
	unsigned int seed = 12345;
	int round, parser;

	for (round = 0; round < 300; round++) {
		size_t len = (size_t)(seed % 2000), i;
		char *buf = malloc(len ? len : 1);
		ck_assert_ptr_nonnull(buf);
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		for (parser = 0; parser < P_COUNT; parser++) {
			aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
			ck_assert_int_eq(run(parser, &v, buf, len), 0);
			assert_sane(&v);
			ck_assert_int_eq(aibom_manifest__apply_locks(&v, &v), 0);
			free_deps(&v);
		}
		free(buf);
		seed = seed * 1103515245u + 12345u;
	}
}
END_TEST

Suite *ecosystems_suite(void)
{
	Suite *s = suite_create("ecosystems");
	TCase *tc = tcase_create("ecosystems");
	tcase_add_test(tc, go_mod_requires);
	tcase_add_test(tc, go_module_path);
	tcase_add_test(tc, go_mod_damaged);
	tcase_add_test(tc, go_sum_hashes);
	tcase_add_test(tc, pom_dependencies_and_properties);
	tcase_add_test(tc, pom_parent_version_and_namespaces);
	tcase_add_test(tc, pom_malformed);
	tcase_add_test(tc, pom_property_expansion_is_bounded);
	tcase_add_test(tc, gradle_groovy);
	tcase_add_test(tc, gradle_kotlin);
	tcase_add_test(tc, gradle_malformed);
	tcase_add_test(tc, npm_package_lock);
	tcase_add_test(tc, npm_pnpm_lock);
	tcase_add_test(tc, npm_yarn_lock);
	tcase_add_test(tc, locks_fill_versions);
	tcase_add_test(tc, random_bytes);
	suite_add_tcase(s, tc);
	return s;
}
