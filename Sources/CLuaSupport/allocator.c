// The capped allocator: every block Lua allocates is counted, and past the cap an allocation is refused
// while Lua code runs. Host frames (a Swift body, the message handler) may overshoot; the cap is checked
// again as control returns to Lua. What the host holds on the script's behalf is counted too.
#include "context.h"

#include <stdlib.h>

static const size_t mebibyte = 1024 * 1024;

void *dossier_capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    dossier_context *ctx = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        ctx->used -= old;
        return NULL;
    }
    // used - old + nsize + hostHeld > limit, written so that no term can wrap around.
    size_t rest = ctx->used - old + ctx->hostHeld;
    if (nsize > old && ctx->hostDepth == 0 && (nsize > ctx->limit || rest > ctx->limit - nsize)) {
        ctx->limitHit = 1;
        dossier_stop_for_memory(ctx);
        return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    ctx->used = ctx->used - old + nsize;
    if (charged_bytes(ctx) > ctx->peak) ctx->peak = charged_bytes(ctx);
    return block;
}

size_t dossier_memory_used(lua_State *L) { return charged_bytes(context_of(L)); }
size_t dossier_memory_peak(lua_State *L) { return context_of(L)->peak; }
size_t dossier_memory_limit(lua_State *L) { return context_of(L)->limit; }
void dossier_set_memory_limit(lua_State *L, size_t limit) { context_of(L)->limit = limit; }
int dossier_memory_limit_hit(lua_State *L) { return context_of(L)->limitHit; }

int dossier_charge_host_memory(lua_State *L, size_t bytes) {
    dossier_context *ctx = context_of(L);
    ctx->hostHeld = bytes > SIZE_MAX - ctx->hostHeld ? SIZE_MAX : ctx->hostHeld + bytes;
    if (charged_bytes(ctx) > ctx->peak) ctx->peak = charged_bytes(ctx);
    if (ctx->hostHeld > ctx->limit || ctx->used > ctx->limit - ctx->hostHeld) {
        ctx->limitHit = 1;
        dossier_stop_for_memory(ctx);
        return 1;
    }
    return 0;
}

void dossier_release_host_memory(lua_State *L, size_t bytes) {
    dossier_context *ctx = context_of(L);
    ctx->hostHeld = bytes > ctx->hostHeld ? 0 : ctx->hostHeld - bytes;
}

void dossier_push_memory_message(lua_State *L, dossier_context *ctx) {
    lua_pushfstring(L, "memory limit of %I MiB exceeded", (lua_Integer)(ctx->limit / mebibyte));
}

/// The cap was passed while a Swift frame was live: the script ends as when the cap refuses an
/// allocation (the hook keeps raising the error, so `pcall` cannot catch it).
int dossier_memory_limit_error(lua_State *L) {
    dossier_context *ctx = context_of(L);
    ctx->limitHit = 1;
    dossier_stop_for_memory(ctx);
    ctx->hostDepth++; // the message itself may need memory
    if (atomic_load(&ctx->stopReason) == DOSSIER_STOP_MEMORY) {
        dossier_push_stop_message(L, ctx, DOSSIER_STOP_MEMORY);
    } else {
        dossier_push_memory_message(L, ctx);
    }
    ctx->hostDepth--;
    return lua_error(L);
}
