// Swift functions in Lua: a C trampoline calls the Swift body, and raises the error it reports (or the
// memory-cap error) once no Swift frame is left on the stack. The box of the Swift closure is released
// by `__gc` of the userdata that holds it, exactly once.
#include "context.h"

static int release_box(lua_State *L) {
    void **slot = lua_touserdata(L, 1);
    if (slot != NULL && *slot != NULL) {
        void *box = *slot;
        *slot = NULL;
        dossier_releaseSwift(box);
    }
    return 0;
}

/// Raises the error a Swift body left, or the memory-cap error, now that no Swift frame is live.
int dossier_finish_swift_call(lua_State *L, dossier_context *ctx, int results) {
    if (results >= 0) {
        if (ctx->hostDepth == 0 && charged_bytes(ctx) > ctx->limit) return dossier_memory_limit_error(L);
        return results;
    }
    if (results == DOSSIER_RAISE_WITH_POSITION && lua_type(L, -1) == LUA_TSTRING) {
        ctx->hostDepth++;
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        ctx->hostDepth--;
    }
    return lua_error(L);
}

static int swift_function_trampoline(lua_State *L) {
    dossier_context *ctx = context_of(L);
    void *box = *(void **)lua_touserdata(L, lua_upvalueindex(1));
    ctx->hostDepth++;
    int results = dossier_callSwift(L, box);
    ctx->hostDepth--;
    return dossier_finish_swift_call(L, ctx, results);
}

static const char *const boxMetatableKey = "dossier.box";

void dossier_push_box_holder(lua_State *L, void *box) {
    void **slot = lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
    if (luaL_getmetatable(L, boxMetatableKey) == LUA_TNIL) {
        lua_pop(L, 1);
        luaL_newmetatable(L, boxMetatableKey);
        lua_pushcfunction(L, release_box);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

void dossier_push_swift_function(lua_State *L, void *box) {
    dossier_push_box_holder(L, box);
    lua_pushcclosure(L, swift_function_trampoline, 1);
}

